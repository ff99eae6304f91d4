import { ArticleBody } from '@/components/article/article-body';
import type { Article, LiveUpdate } from '@/lib/content';
import { formatted, t } from '@/lib/i18n/request';
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
          {formatted('time', update.date)}
        </time>
        {showDate && <span className="live-update__date">{formatted('date', update.date)}</span>}
        {update.pinned && <span className="live-update__key">{t('live.keyEvent')}</span>}
        <h3 id={headingId} className="live-update__title">
          {update.title}
        </h3>
      </header>
      <ArticleBody source={update} />
      <p className="live-update__links">
        <a href={`#${update.id}`} aria-label={t('live.linkLabel', { title: update.title })}>
          {t('live.link')}
        </a>
        <a
          href={share.x}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('live.shareXLabel', { title: update.title })}
        >
          {t('live.shareX')}
        </a>
        <a href={share.email} aria-label={t('live.emailLabel', { title: update.title })}>
          {t('live.email')}
        </a>
      </p>
    </article>
  );
}
