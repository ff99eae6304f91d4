import styles from './search.module.css';

export function HeaderSearch() {
  return (
    <form role="search" aria-label="Site search" action="/search" className={styles.header}>
      <label htmlFor="site-search" className="visually-hidden">
        Search The Meridian
      </label>
      <input
        id="site-search"
        className={styles.headerInput}
        type="search"
        name="q"
        placeholder="Search"
        autoComplete="off"
      />
      <button type="submit" className={styles.headerButton}>
        Search
      </button>
    </form>
  );
}
