import { formatDate, formatTime } from '@/lib/format';
import type { LiveArticle } from '@/lib/content';
import { isOngoing, liveJsonPath } from '@/lib/live-stories';
import { site } from '@/lib/site';
import { LiveFollower } from './live-follower';
import { LiveUpdateView } from './live-update';

export function LiveCoverageView({ article }: { article: LiveArticle }) {
  const { live } = article;
  const startDay = formatDate(live.startDate);
  return (
    <>
      {live.keyEvents.length > 0 && (
        <nav className="live-key-events" aria-labelledby="key-events-heading">
          <h2 id="key-events-heading" className="live-key-events__heading">
            Key events
          </h2>
          <ol>
            {live.keyEvents.map((update) => (
              <li key={update.id}>
                <a href={`#${update.id}`}>
                  <time dateTime={update.time}>{formatTime(update.date)}</time> {update.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <section className="live-updates" aria-labelledby="live-updates-heading">
        <h2 id="live-updates-heading" className="live-updates__heading">
          {live.updates.length === 1 ? '1 update' : `${live.updates.length} updates`}, newest first
        </h2>
        <LiveFollower
          src={liveJsonPath(article)}
          ongoing={isOngoing(article)}
          refreshSeconds={site.liveRefreshSeconds}
          timeZone={site.timeZone}
        >
          {live.updates.map((update) => (
            <LiveUpdateView
              key={update.id}
              article={article}
              update={update}
              showDate={formatDate(update.date) !== startDay}
            />
          ))}
        </LiveFollower>
      </section>
    </>
  );
}
