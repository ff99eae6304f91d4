import type { Article } from '@/lib/content';
import { formatDateTime } from '@/lib/format';

/**
 * Marks a story readers cannot see yet: under `npm run dev`, or on a signed preview link
 * (`previewExpires`), where it names when the link stops working.
 */
export function StatusBanner({
  article,
  previewExpires,
}: {
  article: Article;
  previewExpires?: Date;
}) {
  if (previewExpires) {
    return (
      <div className="status-banner status-banner--preview" role="note" aria-label="Preview">
        <p className="status-banner__label">Preview</p>
        <p>
          Preview — not published — link expires{' '}
          <time dateTime={previewExpires.toISOString()}>{formatDateTime(previewExpires)}</time>
        </p>
      </div>
    );
  }
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
