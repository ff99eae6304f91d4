import type { Article } from '@/lib/content';
import { formatDateTime } from '@/lib/format';

export function ArticleMeta({ article }: { article: Article }) {
  return (
    <p className="article-meta">
      <span>
        Published <time dateTime={article.date}>{formatDateTime(article.published)}</time>
      </span>
      {article.updated && (
        <span>
          Updated <time dateTime={article.updated}>{formatDateTime(article.modified)}</time>
        </span>
      )}
      <span>{article.readingTime.text}</span>
    </p>
  );
}
