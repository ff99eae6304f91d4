import { defaultLocale, type Locale } from '../site';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import ko from './messages/ko.json' with { type: 'json' };

/** One interface catalogue per locale; en.json is the reference every other must match. */
export const catalogues: Record<Locale, Record<string, string>> = { en, ko, ar };

export type MessageKey = keyof typeof en;

const PLACEHOLDER = /\{(\w+)\}/g;

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

/**
 * What is wrong with the catalogues: a key the reference has and a catalogue lacks, a key only a
 * catalogue has, an empty string, or placeholders that differ from the reference's.
 */
export function catalogueProblems(
  all: Record<string, Record<string, string>> = catalogues,
  reference = defaultLocale,
): string[] {
  const base = all[reference] ?? {};
  const problems: string[] = [];
  for (const [locale, catalogue] of Object.entries(all)) {
    if (locale === reference) continue;
    const file = `lib/i18n/messages/${locale}.json`;
    for (const [key, text] of Object.entries(base)) {
      const translated = catalogue[key];
      if (translated === undefined) problems.push(`${file}: "${key}" is missing`);
      else if (translated.trim() === '') problems.push(`${file}: "${key}" is empty`);
      else if (placeholders(translated).join() !== placeholders(text).join()) {
        problems.push(
          `${file}: "${key}" must use the placeholders ${placeholders(text).join(', ') || '(none)'} like ${reference}.json`,
        );
      }
    }
    for (const key of Object.keys(catalogue)) {
      if (!(key in base)) problems.push(`${file}: "${key}" is not in ${reference}.json`);
    }
  }
  return problems;
}

/** The interface string `key` in `locale`, with `{name}` placeholders filled in. */
export function translate(
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const text = catalogues[locale][key] ?? en[key];
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
