import { Suspense } from 'react';
import { SearchForm, SearchView } from './search-view';
import styles from './search.module.css';
import { SectionLinks } from '@/components/layout/section-links';

function SearchFallback() {
  return (
    <>
      <SearchForm />
      <noscript>
        <div className={styles.noscript}>
          <p>
            Search runs in your browser and needs JavaScript. Turn JavaScript on and reload this
            page to search every story by headline, summary, text, author, tag or section.
          </p>
          <p>Without it, browse the sections:</p>
          <SectionLinks />
        </div>
      </noscript>
    </>
  );
}

export function SearchPage() {
  return (
    <div className={styles.page}>
      <h1>Search</h1>
      <Suspense fallback={<SearchFallback />}>
        <SearchView />
      </Suspense>
    </div>
  );
}
