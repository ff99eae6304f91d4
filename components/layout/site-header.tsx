import Link from 'next/link';
import { HeaderSearch } from '@/components/search/header-search';
import { getSections } from '@/lib/content';
import { site } from '@/lib/site';
import { ThemeToggle } from './theme-toggle';

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
        <ul>
          {getSections().map((section) => (
            <li key={section.slug}>
              <Link href={section.url}>{section.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
