import { now } from '@/lib/clock';
import { t } from '@/lib/i18n/request';
import { site } from '@/lib/site';
import { SectionLinks } from './section-links';

export function SiteFooter() {
  return (
    <footer id="site-footer" className="site-footer">
      <p className="site-footer__name">{site.name}</p>
      <p>{t('tagline')}</p>
      <nav aria-label={t('nav.footer')}>
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
