import Link from 'next/link';
import { HeaderSearch } from '@/components/search/header-search';
import { site } from '@/lib/site';
import { ThemeToggle } from './theme-toggle';
import { SectionLinks } from './section-links';

export function SiteHeader() {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header__bar">
        <Link href="/" className="site-header__name">
          {site.name}
        </Link>
        <HeaderSearch />
        <ThemeToggle />
      </div>
      <nav aria-label="Sections" className="site-nav">
        <SectionLinks />
      </nav>
    </header>
  );
}
