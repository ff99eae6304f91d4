'use client';

import { fill } from '@/lib/i18n/fill';
import type { ShareActionText } from './share-messages';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};
const STATUS_MS = 8000;
interface ShareActionsProps {
  url: string;
  title: string;
  summary: string;
  text: ShareActionText;
}

function copyWithSelection(text: string): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

export function ShareActions({ url, title, summary, text }: ShareActionsProps) {
  const data = { url, title, text: summary };
  const canShare = useSyncExternalStore(
    noSubscription,
    () =>
      typeof navigator.share === 'function' &&
      (typeof navigator.canShare !== 'function' || navigator.canShare({ url, title })),
    () => false,
  );
  const [status, setStatus] = useState({ message: '', ok: false });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function announce(message: string, ok: boolean) {
    clearTimeout(timer.current);
    setStatus({ message, ok });
    timer.current = setTimeout(() => setStatus({ message: '', ok: false }), STATUS_MS);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      announce(text['share.copied'], true);
    } catch {
      if (copyWithSelection(url)) announce(text['share.copied'], true);
      else announce(fill(text['share.copyFailed'], { url }), false);
    }
  }

  async function share() {
    try {
      await navigator.share(data);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      await copy();
    }
  }

  return (
    <>
      {canShare && (
        <li>
          <button type="button" className="share-bar__button" onClick={share}>
            {text['share.native']}
          </button>
        </li>
      )}
      <li>
        <button type="button" className="share-bar__button" onClick={copy}>
          {text['share.copy']}
        </button>
        <span role="status" className="share-bar__status">
          {status.ok && <span aria-hidden="true">✓ </span>}
          {status.message}
        </span>
      </li>
    </>
  );
}
