import { Suspense } from 'react';
import { SearchForm } from './search-form';
import { SearchView } from './search-view';
import styles from './search.module.css';
import { SectionLinks } from '@/components/layout/section-links';
import { getArticlesByAuthor, getArticlesBySection, getAuthors, getSections } from '@/lib/content';
import { localName, requestLocale, t } from '@/lib/i18n/request';

function SearchFallback() {
  return (
    <>
      <SearchForm />
      <noscript>
        <div className={styles.noscript}>
          <p>{t('search.noscript')}</p>
          <p>{t('search.browse')}</p>
          <SectionLinks />
        </div>
      </noscript>
    </>
  );
}

/** The filter choices come with the page, so a first search loads no filter data from the index. */
function filterChoices() {
  return {
    section: getSections()
      .filter((section) => getArticlesBySection(section.slug, requestLocale()).length > 0)
      .map(localName),
    author: getAuthors()
      .filter((author) => getArticlesByAuthor(author.slug, requestLocale()).length > 0)
      .map(localName),
  };
}

export function SearchPage() {
  return (
    <div className={styles.page}>
      <h1>{t('search.title')}</h1>
      <Suspense fallback={<SearchFallback />}>
        <SearchView choices={filterChoices()} />
      </Suspense>
    </div>
  );
}
