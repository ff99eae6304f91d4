import { localeInfo } from '@/lib/locales';
import type { SearchMessages } from './search-text';
import styles from './search.module.css';

export const FILTERS = [
  { key: 'section', label: 'listing.section', all: 'search.allSections' },
  { key: 'author', label: 'search.author', all: 'search.allAuthors' },
] as const;
export type FilterKey = (typeof FILTERS)[number]['key'];
export type Selected = Record<FilterKey, string>;

/**
 * The section and author filters. Without `onFilter` they are drawn disabled: the server's
 * placeholder until search starts in the browser, the same size so nothing moves when it does.
 */
export function SearchFilters({
  choices,
  messages: { locale, text },
  selected,
  onFilter,
  children,
}: {
  choices: Record<FilterKey, string[]>;
  messages: SearchMessages;
  selected?: Selected;
  onFilter?: (key: FilterKey, value: string) => void;
  children?: React.ReactNode;
}) {
  return (
    <div className={styles.filters}>
      {FILTERS.map(({ key, label, all }) => (
        <div key={key} className={styles.filter}>
          <label htmlFor={`search-${key}`}>{text[label]}</label>
          <select
            id={`search-${key}`}
            className={styles.select}
            disabled={!onFilter}
            value={onFilter ? (selected?.[key] ?? '') : undefined}
            onChange={onFilter && ((event) => onFilter(key, event.target.value))}
          >
            <option value="">{text[all]}</option>
            {[...choices[key]]
              .sort((a, b) => a.localeCompare(b, localeInfo(locale).tag))
              .map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
          </select>
        </div>
      ))}
      {children}
    </div>
  );
}
