import styles from './search.module.css';

/** The search box; `labels` are the page's language's ("Search stories", "Search"). */
export function SearchForm({
  labels,
  action,
  query,
  onChange,
  onFocus,
  onSubmit,
  children,
}: {
  labels: { form: string; button: string };
  /** The search page of the page's language: where the form goes without script. */
  action: string;
  query?: string;
  onChange?: (value: string) => void;
  /** Focus anywhere in the form (the box, a filter, the button). */
  onFocus?: () => void;
  onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void;
  children?: React.ReactNode;
}) {
  return (
    <form
      role="search"
      aria-label={labels.form}
      action={action}
      method="get"
      className={styles.form}
      onFocus={onFocus}
      onSubmit={onSubmit}
    >
      <label htmlFor="search-query" className={styles.label}>
        {labels.form}
      </label>
      <div className={styles.row}>
        <input
          id="search-query"
          className={styles.input}
          type="search"
          name="q"
          autoComplete="off"
          spellCheck={false}
          value={query}
          defaultValue={query === undefined ? '' : undefined}
          onChange={onChange && ((event) => onChange(event.target.value))}
        />
        <button type="submit" className={styles.button}>
          {labels.button}
        </button>
      </div>
      {children}
    </form>
  );
}
