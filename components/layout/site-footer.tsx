import Link from 'next/link';
import { getSections } from '@/lib/content';
import { site } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p className="site-footer__name">{site.name}</p>
      <p>{site.tagline}</p>
      <nav aria-label="Footer">
        <ul>
          {getSections().map((section) => (
            <li key={section.slug}>
              <Link href={section.url}>{section.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <small>
          © {new Date().getFullYear()} {site.name}
        </small>
      </p>
    </footer>
  );
}
