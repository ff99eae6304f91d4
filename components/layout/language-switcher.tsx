import Link from 'next/link';
import { requestLocale, t } from '@/lib/i18n/request';
import { localePath, locales } from '@/lib/site';

/**
 * Every other language's front page, named in that language. A story links its own translations
 * ("Also in", components/article/translation-links.tsx). Never chosen from Accept-Language: a
 * reader, a crawler and a shared link all get the language of the URL they asked for.
 */
export function LanguageSwitcher() {
  const current = requestLocale();
  return (
    <nav aria-label={t('nav.language')} className="language-switcher">
      <ul>
        {locales
          .filter((info) => info.code !== current)
          .map((info) => (
            <li key={info.code}>
              <Link
                href={localePath(info.code, '/')}
                hrefLang={info.tag}
                lang={info.tag}
                dir={info.dir}
              >
                {info.name}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
