import { now } from '@/lib/clock';
import { site } from '@/lib/site';
import { SectionLinks } from './section-links';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p className="site-footer__name">{site.name}</p>
      <p>{site.tagline}</p>
      <nav aria-label="Footer">
        <SectionLinks />
      </nav>
      <p>
        <small>
          © {now().getFullYear()} {site.name}
        </small>
      </p>
    </footer>
  );
}
