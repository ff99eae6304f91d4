import type { LiveArticle } from '@/lib/content';
import { formatted, messages, requestLocale, t, tCount } from '@/lib/i18n/request';
import { isOngoing, liveJsonPath } from '@/lib/live-stories';
import { site } from '@/lib/site';
import { LiveFollower } from './live-follower';
import { LIVE_FOLLOWER_MESSAGES } from './live-messages';
import { LiveUpdateView } from './live-update';

export function LiveCoverageView({ article }: { article: LiveArticle }) {
  const { live } = article;
  const startDay = formatted('date', live.startDate);
  return (
    <>
      {live.keyEvents.length > 0 && (
        <nav className="live-key-events" aria-labelledby="key-events-heading">
          <h2 id="key-events-heading" className="live-key-events__heading">
            {t('live.keyEvents')}
          </h2>
          <ol>
            {live.keyEvents.map((update) => (
              <li key={update.id}>
                <a href={`#${update.id}`}>
                  <time dateTime={update.time}>{formatted('time', update.date)}</time>{' '}
                  {update.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <section className="live-updates" aria-labelledby="live-updates-heading">
        <h2 id="live-updates-heading" className="live-updates__heading">
          {tCount('live.updates', live.updates.length)}
        </h2>
        <LiveFollower
          src={liveJsonPath(article)}
          ongoing={isOngoing(article)}
          refreshSeconds={site.liveRefreshSeconds}
          messages={{ locale: requestLocale(), text: messages(LIVE_FOLLOWER_MESSAGES) }}
        >
          {live.updates.map((update) => (
            <LiveUpdateView
              key={update.id}
              article={article}
              update={update}
              showDate={formatted('date', update.date) !== startDay}
            />
          ))}
        </LiveFollower>
      </section>
    </>
  );
}
