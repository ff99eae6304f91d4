import { defaultLocale, type Locale, localeInfo } from '@/lib/locales';

type Kind = 'date' | 'dateTime' | 'time';

const OPTIONS: Record<Kind, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** Each locale's dates in its own language, calendar conventions and time zone (lib/site.ts). */
function formatter(kind: Kind, locale: Locale): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let format = formats.get(key);
  if (!format) {
    const info = localeInfo(locale);
    format = new Intl.DateTimeFormat(info.format, { ...OPTIONS[kind], timeZone: info.timeZone });
    formats.set(key, format);
  }
  return format;
}

/** "09:30 UTC", in the locale's time zone. */
export function formatTime(date: Date, locale: Locale = defaultLocale): string {
  return formatter('time', locale).format(date);
}

export function formatDate(date: Date, locale: Locale = defaultLocale): string {
  return formatter('date', locale).format(date);
}

export function formatDateTime(date: Date, locale: Locale = defaultLocale): string {
  return formatter('dateTime', locale).format(date);
}

export function joinNames(names: readonly string[], locale: Locale = defaultLocale): string {
  if (names.length <= 1) return names.join('');
  if (locale !== defaultLocale) {
    return new Intl.ListFormat(localeInfo(locale).format, { type: 'conjunction' }).format(names);
  }
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
