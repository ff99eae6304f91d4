import type { Article } from '@/lib/content';
import { formatted, t } from '@/lib/i18n/request';

export function ArticleMeta({ article }: { article: Article }) {
  const newest = article.live?.newest;
  return (
    <p className="article-meta">
      <span>
        {t('article.published')}{' '}
        <time dateTime={article.date}>{formatted('dateTime', article.published)}</time>
      </span>
      {newest ? (
        <span className="article-meta__live-updated">
          {t('article.updated')}{' '}
          <time dateTime={newest.time}>{formatted('time', newest.date)}</time>
        </span>
      ) : (
        article.updated && (
          <span>
            {t('article.updated')}{' '}
            <time dateTime={article.updated}>{formatted('dateTime', article.modified)}</time>
          </span>
        )
      )}
      <span>{t('article.readingTime', { minutes: article.readingTime.minutes })}</span>
    </p>
  );
}
