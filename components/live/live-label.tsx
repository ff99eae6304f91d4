import type { Article } from '@/lib/content';
import { formatDateTime } from '@/lib/format';
import { isOngoing } from '@/lib/live-stories';

/** "Live" while coverage runs; the end time once it has ended. Nothing for other stories. */
export function LiveLabel({ article }: { article: Article }) {
  const { live } = article;
  if (!live) return null;
  if (!isOngoing(article) && live.endDate) {
    return (
      <span className="live-label live-label--ended">
        Live coverage ended <time dateTime={live.end}>{formatDateTime(live.endDate)}</time>
      </span>
    );
  }
  return <span className="live-label">Live</span>;
}
