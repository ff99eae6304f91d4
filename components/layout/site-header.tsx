import { Link } from '@/components/navigation/link';
import { HeaderSearch } from '@/components/search/header-search';
import type { SwitcherLink } from '@/lib/i18n/alternates';
import { localHref, t } from '@/lib/i18n/request';
import { site } from '@/lib/site';
import { LanguageSwitcher } from './language-switcher';
import { ThemeToggle } from './theme-toggle';
import { SectionLinks } from './section-links';

export function SiteHeader({ languages }: { languages: readonly SwitcherLink[] }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className="site-header__bar">
        <Link href={localHref('/')} className="site-header__name">
          {site.name}
        </Link>
        <HeaderSearch />
        <LanguageSwitcher links={languages} />
        <ThemeToggle label={t('theme.dark')} />
      </div>
      <nav aria-label={t('nav.sections')} className="site-nav">
        <SectionLinks />
      </nav>
    </header>
  );
}
