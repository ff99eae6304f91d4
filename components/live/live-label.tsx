import type { Article } from '@/lib/content';
import { formatted, t } from '@/lib/i18n/request';
import { isOngoing } from '@/lib/live-stories';

/** "Live" while coverage runs; the end time once it has ended. Nothing for other stories. */
export function LiveLabel({ article }: { article: Article }) {
  const { live } = article;
  if (!live) return null;
  if (!isOngoing(article) && live.endDate) {
    return (
      <span className="live-label live-label--ended">
        {t('live.ended')} <time dateTime={live.end}>{formatted('dateTime', live.endDate)}</time>
      </span>
    );
  }
  return <span className="live-label">{t('live.label')}</span>;
}
