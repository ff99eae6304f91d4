import type { Article } from '@/lib/content';
import { formatDateTime } from '@/lib/format';

export function StatusBanner({ article }: { article: Article }) {
  if (article.status === 'published') return null;
  return (
    <div
      className={`status-banner status-banner--${article.status}`}
      role="note"
      aria-label={article.status === 'draft' ? 'Draft' : 'Scheduled'}
    >
      <p className="status-banner__label">{article.status === 'draft' ? 'Draft' : 'Scheduled'}</p>
      <p>
        {article.status === 'draft'
          ? 'Not published. This preview exists only under npm run dev; remove "draft: true" to publish.'
          : `Embargoed until ${formatDateTime(article.published)}. This preview exists only under npm run dev; the first build after that time publishes it.`}
      </p>
    </div>
  );
}
