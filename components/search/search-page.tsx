import { Suspense } from 'react';
import { SearchForm } from './search-form';
import { SearchFilters } from './search-filters';
import { SearchView, type SearchViewProps } from './search-view';
import styles from './search.module.css';
import { SectionLinks } from '@/components/layout/section-links';
import { SitePage } from '@/components/layout/site-page';
import { everyLocalePage } from '@/lib/i18n/alternates';
import { getArticlesByAuthor, getArticlesBySection, getAuthors, getSections } from '@/lib/content';
import { localHref, localName, messages, requestLocale, t } from '@/lib/i18n/request';
import { SEARCH_MESSAGES, statusText } from './search-text';

const formLabels = () => ({ form: t('search.formLabel'), button: t('search.title') });

/**
 * What the server sends: the form, the filters and the status line as the browser will first
 * draw them (so nothing moves when search starts), and what to do without JavaScript.
 */
function SearchFallback({ choices, messages, action }: SearchViewProps) {
  return (
    <>
      <SearchForm labels={formLabels()} action={action}>
        <SearchFilters choices={choices} messages={messages} />
      </SearchForm>
      <p className={styles.status}>{statusText('loading', '', undefined, messages)}</p>
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
  const view = {
    choices: filterChoices(),
    messages: { locale: requestLocale(), text: messages(SEARCH_MESSAGES) },
    action: localHref('/search'),
  };
  return (
    <SitePage translations={everyLocalePage('/search')}>
      <div className={styles.page}>
        <h1>{t('search.title')}</h1>
        <Suspense fallback={<SearchFallback {...view} />}>
          <SearchView {...view} />
        </Suspense>
      </div>
    </SitePage>
  );
}
