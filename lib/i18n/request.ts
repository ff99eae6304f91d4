import { cache } from 'react';
import { defaultLocale, type Locale } from '../site';
import { type MessageKey, translate } from './messages';

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
