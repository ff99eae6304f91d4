import type { Article } from '@/lib/content';
import { formatDateTime, formatTime } from '@/lib/format';

export function ArticleMeta({ article }: { article: Article }) {
  const newest = article.live?.newest;
  return (
    <p className="article-meta">
      <span>
        Published <time dateTime={article.date}>{formatDateTime(article.published)}</time>
      </span>
      {newest ? (
        <span className="article-meta__live-updated">
          Updated <time dateTime={newest.time}>{formatTime(newest.date)}</time>
        </span>
      ) : (
        article.updated && (
          <span>
            Updated <time dateTime={article.updated}>{formatDateTime(article.modified)}</time>
          </span>
        )
      )}
      <span>{article.readingTime.text}</span>
    </p>
  );
}
