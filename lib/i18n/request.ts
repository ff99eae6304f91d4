import { cache } from 'react';
import { nameIn } from '../content/schema';
import { formatDate, formatDateTime, formatTime } from '../format';
import { defaultLocale, type Locale, localePath } from '../site';
import {
  type CountedKey,
  type MessageKey,
  pickMessages,
  translate,
  translateCount,
} from './messages';

// Server Components have no context: a page or layout of another locale sets it once per request
// (React's cache is per request), and every component below reads it instead of threading a prop.
const current = cache((): { locale: Locale } => ({ locale: defaultLocale }));

export function setRequestLocale(locale: Locale): void {
  current().locale = locale;
}

export function requestLocale(): Locale {
  return current().locale;
}

/** `t('share.heading')`: the interface string in the request's locale. */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  return translate(requestLocale(), key, values);
}

/** `tCount('live.updates', 3)`: the form of a counted message the request's language uses for 3. */
export function tCount(
  key: CountedKey,
  count: number,
  values?: Record<string, string | number>,
): string {
  return translateCount(requestLocale(), key, count, values);
}

/** The strings a client component needs, in the request's language, to pass it as a prop. */
export function messages<K extends MessageKey>(keys: readonly K[]): Record<K, string> {
  return pickMessages(requestLocale(), keys);
}

/** A site path in the request's language (`/sections/world` → `/ko/sections/world`). */
export function localHref(path: string): string {
  return localePath(requestLocale(), path);
}

/** An author's or section's name in the request's language, else the default one. */
export function localName(entry: { name: string; names?: Record<string, string> }): string {
  return nameIn(entry, requestLocale());
}

export function formatted(kind: 'date' | 'dateTime' | 'time', date: Date): string {
  const locale = requestLocale();
  if (kind === 'date') return formatDate(date, locale);
  return kind === 'time' ? formatTime(date, locale) : formatDateTime(date, locale);
}
