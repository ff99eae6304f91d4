'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { formatDate } from '@/lib/format';
import {
  createSearchEngine,
  SEARCH_INDEX_PATH,
  type SearchEngine,
  type SearchHit,
} from '@/lib/search/engine';
import type { SearchIndexFile } from '@/lib/search/types';
import styles from './search.module.css';

type Status = 'loading' | 'ready' | 'error';

function timed<T>(name: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  performance.measure(name, { start, end: performance.now() });
  return result;
}

export function SearchView() {
  const params = useSearchParams();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const [engine, setEngine] = useState<SearchEngine>();
  const [status, setStatus] = useState<Status>('loading');

  useEffect(() => {
    let cancelled = false;
    fetch(SEARCH_INDEX_PATH)
      .then((response) => {
        if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
        return response.json() as Promise<SearchIndexFile>;
      })
      .then((file) => {
        if (cancelled) return;
        setEngine(timed('search:index', () => createSearchEngine(file.documents)));
        setStatus('ready');
      })
      .catch(() => {
        if (!cancelled) setStatus('error');
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const hits = useMemo(
    () => (engine && query.trim() ? timed('search:query', () => engine.search(query)) : []),
    [engine, query],
  );

  function onChange(value: string) {
    setQuery(value);
    const url = new URL(window.location.href);
    if (value) url.searchParams.set('q', value);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
  }

  return (
    <>
      <SearchForm query={query} onChange={onChange} onSubmit={(event) => event.preventDefault()} />
      <p role="status" className={styles.status}>
        {statusText(status, query, hits.length)}
      </p>
      {hits.length > 0 && (
        <ol className={styles.results} aria-label="Search results">
          {hits.map((hit) => (
            <SearchResult key={hit.document.id} hit={hit} />
          ))}
        </ol>
      )}
    </>
  );
}

function statusText(status: Status, query: string, count: number): string {
  if (status === 'error') return 'The search index could not be loaded. Please reload the page.';
  if (!query.trim()) return 'Type a word or two: a headline, a name, a place or a tag.';
  if (status === 'loading') return 'Loading the search index…';
  if (count === 0) return `No stories match “${query.trim()}”.`;
  return `${count === 1 ? '1 story matches' : `${count} stories match`} “${query.trim()}”.`;
}

export function SearchForm({
  query,
  onChange,
  onSubmit,
}: {
  query?: string;
  onChange?: (value: string) => void;
  onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void;
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
    </form>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const { document } = hit;
  return (
    <li className={styles.result}>
      <article>
        <h2 className={styles.title}>
          <Link href={document.url}>{document.title}</Link>
        </h2>
        <p className={styles.meta}>
          {document.section} ·{' '}
          <time dateTime={document.date}>{formatDate(new Date(document.date))}</time> ·{' '}
          {document.authors}
        </p>
        <p className={styles.summary}>{document.summary}</p>
        {hit.excerpt.length > 0 && (
          <p className={styles.excerpt}>
            {hit.excerpt.map((part, index) =>
              part.mark ? <mark key={index}>{part.text}</mark> : part.text,
            )}
          </p>
        )}
      </article>
    </li>
  );
}
