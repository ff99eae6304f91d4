// No catalogue is imported here: client components fill the strings their server parent passed.

const PLACEHOLDER = /\{(\w+)\}/g;

export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

/** `text` with its `{name}` placeholders filled in (an unknown name stays as written). */
export function fill(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Which of a counted message's forms (`key.one`, `key.other`) the language uses for `count`. */
export function pluralForm(languageTag: string, count: number): 'one' | 'other' {
  return new Intl.PluralRules(languageTag).select(count) === 'one' ? 'one' : 'other';
}
