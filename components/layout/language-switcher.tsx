import { Link } from '@/components/navigation/link';
import type { SwitcherLink } from '@/lib/i18n/alternates';
import { t } from '@/lib/i18n/request';
import { localeInfo } from '@/lib/site';

/**
 * Every other language, named in itself, linking this page's version in it or, where there is
 * none, its front page (lib/i18n/alternates.ts `switcherLinks`). Never chosen from
 * Accept-Language: a reader, a crawler and a shared link all get the language of the URL asked for.
 */
export function LanguageSwitcher({ links }: { links: readonly SwitcherLink[] }) {
  return (
    <nav aria-label={t('nav.language')} className="language-switcher">
      <ul>
        {links.map(({ locale, href }) => {
          const info = localeInfo(locale);
          return (
            <li key={locale}>
              <Link href={href} hrefLang={info.tag} lang={info.tag} dir={info.dir}>
                {info.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
