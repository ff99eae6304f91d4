import { localHref, t } from '@/lib/i18n/request';
import { site } from '@/lib/site';
import styles from './search.module.css';

export function HeaderSearch() {
  return (
    <form
      role="search"
      aria-label={t('search.label')}
      action={localHref('/search')}
      className={styles.header}
    >
      <label htmlFor="site-search" className="visually-hidden">
        {t('search.siteLabel', { site: site.name })}
      </label>
      <input
        id="site-search"
        className={styles.headerInput}
        type="search"
        name="q"
        placeholder={t('search.title')}
        autoComplete="off"
      />
      <button type="submit" className={styles.headerButton}>
        {t('search.title')}
      </button>
    </form>
  );
}
