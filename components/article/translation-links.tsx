import { Link } from '@/components/navigation/link';
import { Fragment } from 'react';
import { type Article, getTranslations } from '@/lib/content';
import { t } from '@/lib/i18n/request';
import { localeInfo } from '@/lib/site';

/** "Also in: 한국어 · العربية": the story's published translations, each named in its language. */
export function TranslationLinks({ article }: { article: Article }) {
  const others = getTranslations(article).filter((other) => other.locale !== article.locale);
  if (others.length === 0) return null;
  return (
    <nav aria-label={t('article.alsoIn')} className="translations">
      {t('article.alsoIn')}{' '}
      {others.map((other, index) => {
        const info = localeInfo(other.locale);
        return (
          <Fragment key={other.locale}>
            {index > 0 && ' · '}
            <Link href={other.url} hrefLang={info.tag} lang={info.tag} dir={info.dir}>
              {info.name}
            </Link>
          </Fragment>
        );
      })}
    </nav>
  );
}
