import { defaultLocale, type Locale, localeInfo } from '../site';
import { fill, placeholders, pluralForm } from './fill';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import ko from './messages/ko.json' with { type: 'json' };

/** One interface catalogue per locale; en.json is the reference every other must match. */
export const catalogues: Record<Locale, Record<string, string>> = { en, ko, ar };

export type MessageKey = keyof typeof en;

/** A message with a singular and a plural form: `live.updates` for `live.updates.one`/`.other`. */
export type CountedKey = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

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
  return fill(catalogues[locale][key] ?? en[key], values);
}

/** A counted message in the form the language uses for `count`, with `{count}` filled in. */
export function translateCount(
  locale: Locale,
  key: CountedKey,
  count: number,
  values: Record<string, string | number> = {},
): string {
  const form = pluralForm(localeInfo(locale).tag, count);
  return translate(locale, `${key}.${form}`, { ...values, count });
}

/** The text of the keys a client component is given (it never loads a catalogue). */
export type MessageText<Keys extends readonly MessageKey[]> = Record<Keys[number], string>;

/** A client component's strings and the page's language (plural forms, dates, sorting). */
export interface ClientMessages<Keys extends readonly MessageKey[]> {
  locale: Locale;
  text: MessageText<Keys>;
}

/** The strings `keys` in `locale`, for a client component (which never loads a catalogue). */
export function pickMessages<K extends MessageKey>(
  locale: Locale,
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, translate(locale, key)])) as Record<K, string>;
}
