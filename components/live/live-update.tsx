import { ArticleBody } from '@/components/article/article-body';
import type { Article, LiveUpdate } from '@/lib/content';
import { formatDate, formatTime } from '@/lib/format';
import { shareLinks } from '@/lib/share';

export function LiveUpdateView({
  article,
  update,
  showDate,
}: {
  article: Article;
  update: LiveUpdate;
  showDate: boolean;
}) {
  const path = update.path;
  const share = shareLinks({
    url: path,
    title: `${update.title} | ${article.title}`,
    summary: article.summary,
  });
  const headingId = `${update.id}-title`;
  return (
    <article id={update.id} className="live-update" aria-labelledby={headingId}>
      <header className="live-update__header">
        <time className="live-update__time" dateTime={update.time} data-live-time="">
          {formatTime(update.date)}
        </time>
        {showDate && <span className="live-update__date">{formatDate(update.date)}</span>}
        {update.pinned && <span className="live-update__key">Key event</span>}
        <h3 id={headingId} className="live-update__title">
          {update.title}
        </h3>
      </header>
      <ArticleBody source={update} />
      <p className="live-update__links">
        <a href={`#${update.id}`} aria-label={`Link to this update: ${update.title}`}>
          Link to this update
        </a>
        <a
          href={share.x}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Share this update on X: ${update.title} (opens in a new tab)`}
        >
          Share on X
        </a>
        <a href={share.email} aria-label={`Share this update by email: ${update.title}`}>
          Email
        </a>
      </p>
    </article>
  );
}
