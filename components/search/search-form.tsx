import styles from './search.module.css';

export function SearchForm({
  query,
  onChange,
  onSubmit,
  children,
}: {
  query?: string;
  onChange?: (value: string) => void;
  onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void;
  children?: React.ReactNode;
}) {
  return (
    <form
      role="search"
      aria-label="Search stories"
      action="/search"
      method="get"
      className={styles.form}
      onSubmit={onSubmit}
    >
      <label htmlFor="search-query" className={styles.label}>
        Search stories
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
          Search
        </button>
      </div>
      {children}
    </form>
  );
}
