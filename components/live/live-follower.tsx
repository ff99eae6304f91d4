'use client';

import { type ReactNode, useEffect, useState, useSyncExternalStore } from 'react';
import type { LivePayload } from '@/lib/live-stories';

type Update = LivePayload['updates'][number];

interface Props {
  src: string;
  ongoing: boolean;
  refreshSeconds: number;
  timeZone: string;
  children: ReactNode;
}

const plural = (n: number) => `${n} new update${n === 1 ? '' : 's'}`;
const noSubscription = () => () => {};

function readerTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/**
 * Polls the story's prerendered updates JSON while the tab is visible and the coverage runs, and
 * offers the new updates; they go above the ones on the page, so what the reader is reading stays
 * where it is.
 */
export function LiveFollower({ src, ongoing, refreshSeconds, timeZone, children }: Props) {
  const [pending, setPending] = useState<Update[]>([]);
  const [shown, setShown] = useState<Update[]>([]);
  const [added, setAdded] = useState<{ id: string; count: number }>();
  const [ended, setEnded] = useState(!ongoing);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  // Only the update headers' times, each on its own line: a width change there moves nothing else.
  useEffect(() => {
    for (const time of document.querySelectorAll<HTMLTimeElement>('time[data-live-time]')) {
      time.textContent = readerTime(time.dateTime, timeZone);
    }
  }, [timeZone, shown]);

  useEffect(() => {
    if (ended) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      timer = undefined;
      if (document.hidden) return;
      try {
        const response = await fetch(src, { cache: 'no-store' });
        const data = (await response.json()) as LivePayload;
        const fresh = data.updates.filter((update) => !document.getElementById(update.id));
        setPending((known) => (fresh.length === known.length ? known : fresh));
        if (data.ended) {
          stopped = true;
          setEnded(true);
        }
      } catch {
        // A failed poll (offline, a deploy in progress) is retried at the next interval.
      }
      if (!stopped && !document.hidden) timer = setTimeout(poll, refreshSeconds * 1000);
    };
    const onVisibility = () => {
      if (!document.hidden && timer === undefined && !stopped) void poll();
    };
    timer = setTimeout(poll, refreshSeconds * 1000);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [src, refreshSeconds, ended]);

  const show = () => {
    const first = pending[0];
    if (first) setAdded({ id: first.id, count: pending.length });
    setShown((before) => [...pending, ...before]);
    setPending([]);
  };

  return (
    <>
      <div className="live-follow" aria-live="polite">
        {pending.length > 0 ? (
          <button type="button" className="live-follow__button" onClick={show}>
            Show {plural(pending.length)}
          </button>
        ) : (
          <p className="live-follow__status">
            {added ? (
              <a href={`#${added.id}`}>
                {added.count === 1 ? '1 update' : `${added.count} updates`} added at the top
              </a>
            ) : ended ? (
              'Live coverage has ended.'
            ) : hydrated ? (
              'New updates are offered here as they come in.'
            ) : (
              'Reload the page to see new updates.'
            )}
          </p>
        )}
      </div>
      {shown.map((update) => (
        <article
          key={update.id}
          id={update.id}
          className="live-update live-update--new"
          aria-labelledby={`${update.id}-title`}
        >
          <header className="live-update__header">
            <time className="live-update__time" dateTime={update.time} data-live-time="">
              {readerTime(update.time, timeZone)}
            </time>
            {update.pinned && <span className="live-update__key">Key event</span>}
            <h3 id={`${update.id}-title`} className="live-update__title">
              {update.title}
            </h3>
          </header>
          <div className="prose" dangerouslySetInnerHTML={{ __html: update.html }} />
          <p className="live-update__links">
            <a href={`#${update.id}`}>Link to this update</a>
          </p>
        </article>
      ))}
      {children}
    </>
  );
}
