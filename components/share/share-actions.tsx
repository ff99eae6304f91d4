'use client';

import { useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

interface ShareActionsProps {
  url: string;
  title: string;
  summary: string;
}

export function ShareActions({ url, title, summary }: ShareActionsProps) {
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === 'function',
    () => false,
  );
  const [status, setStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied to clipboard');
    } catch {
      setStatus('Could not copy the link; copy it from the address bar');
    }
  }

  async function share() {
    try {
      await navigator.share({ url, title, text: summary });
    } catch {
      /* The reader closed the share sheet. */
    }
  }

  return (
    <>
      {canShare && (
        <li>
          <button type="button" className="share-bar__button" onClick={share}>
            Share…
          </button>
        </li>
      )}
      <li>
        <button type="button" className="share-bar__button" onClick={copy}>
          Copy link
        </button>
        <span role="status" className="share-bar__status">
          {status}
        </span>
      </li>
    </>
  );
}
