'use client';

import { type ReactNode, useEffect, useState, useSyncExternalStore } from 'react';
import { formatTime } from '@/lib/format';
import { fill, pluralForm } from '@/lib/i18n/fill';
import type { LivePayload } from '@/lib/live-stories';
import { localeInfo } from '@/lib/locales';
import type { LiveFollowerMessages } from './live-messages';

type Update = LivePayload['updates'][number];

interface Props {
  src: string;
  ongoing: boolean;
  refreshSeconds: number;
  messages: LiveFollowerMessages;
  children: ReactNode;
}

const noSubscription = () => () => {};

/**
 * Polls the story's prerendered updates JSON while the tab is visible and the coverage runs, and
 * offers the new updates; they go above the ones on the page, so what the reader is reading stays
 * where it is.
 */
export function LiveFollower({ src, ongoing, refreshSeconds, messages, children }: Props) {
  const { text } = messages;
  const { tag } = localeInfo(messages.locale);
  const counted = (key: 'live.show' | 'live.added', count: number) =>
    fill(text[`${key}.${pluralForm(tag, count)}`], { count });
  const [pending, setPending] = useState<Update[]>([]);
  const [shown, setShown] = useState<Update[]>([]);
  const [added, setAdded] = useState<{ id: string; count: number }>();
  const [ended, setEnded] = useState(!ongoing);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

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
            {counted('live.show', pending.length)}
          </button>
        ) : (
          <p className="live-follow__status">
            {added ? (
              <a href={`#${added.id}`}>{counted('live.added', added.count)}</a>
            ) : ended ? (
              text['live.hasEnded']
            ) : hydrated ? (
              text['live.offered']
            ) : (
              text['live.reload']
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
              {formatTime(new Date(update.time), messages.locale)}
            </time>
            {update.pinned && <span className="live-update__key">{text['live.keyEvent']}</span>}
            <h3 id={`${update.id}-title`} className="live-update__title">
              {update.title}
            </h3>
          </header>
          <div className="prose" dangerouslySetInnerHTML={{ __html: update.html }} />
          <p className="live-update__links">
            <a href={`#${update.id}`}>{text['live.link']}</a>
          </p>
        </article>
      ))}
      {children}
    </>
  );
}
