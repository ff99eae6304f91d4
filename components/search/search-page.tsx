import { Suspense } from 'react';
import { SearchForm } from './search-form';
import { SearchView } from './search-view';
import styles from './search.module.css';
import { SectionLinks } from '@/components/layout/section-links';
import { getArticlesByAuthor, getArticlesBySection, getAuthors, getSections } from '@/lib/content';

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

/** The filter choices come with the page, so a first search loads no filter data from the index. */
function filterChoices() {
  return {
    section: getSections()
      .filter((section) => getArticlesBySection(section.slug).length > 0)
      .map((section) => section.name),
    author: getAuthors()
      .filter((author) => getArticlesByAuthor(author.slug).length > 0)
      .map((author) => author.name),
  };
}

export function SearchPage() {
  return (
    <div className={styles.page}>
      <h1>Search</h1>
      <Suspense fallback={<SearchFallback />}>
        <SearchView choices={filterChoices()} />
      </Suspense>
    </div>
  );
}
