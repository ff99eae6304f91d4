'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { SearchManifest } from '@/lib/search/paths';
import type { SearchMeta } from '@/lib/search/records';
import {
  loadManifest,
  loadPagefind,
  mergeArchive,
  type Pagefind,
  type PagefindResult,
} from './pagefind';
import { type Hit, SearchResult } from './search-result';
import { type FilterKey, SearchFilters, type Selected } from './search-filters';
import { SearchForm } from './search-form';
import { fill } from '@/lib/i18n/fill';
import { excerptParts, type SearchMessages, type Status, statusText } from './search-text';
import styles from './search.module.css';

const PAGE = 10;

interface Outcome {
  key: string;
  results: PagefindResult[];
  hits: Hit[];
}

const outcomeKey = (term: string, selected: Selected, allYears: boolean) =>
  JSON.stringify([term, selected, allYears]);

function readSelected(params: URLSearchParams): Selected {
  return { section: params.get('section') ?? '', author: params.get('author') ?? '' };
}

export interface SearchViewProps {
  choices: Record<FilterKey, string[]>;
  messages: SearchMessages;
  action: string;
}

export function SearchView({ choices, messages, action }: SearchViewProps) {
  const { text } = messages;
  const params = useSearchParams();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const [selected, setSelected] = useState<Selected>(() => readSelected(params));
  const [pagefind, setPagefind] = useState<Pagefind>();
  const [status, setStatus] = useState<Status>('loading');
  const [outcome, setOutcome] = useState<Outcome>();
  const [manifest, setManifest] = useState<SearchManifest>();
  const [allYears, setAllYears] = useState(() => params.get('years') === 'all');
  const [archiveMerged, setArchiveMerged] = useState(false);
  // The engine is fetched once the reader turns to the form (or at once for an address with a
  // query), not with the page: starting it was half of the page's blocking time on a phone.
  const [wanted, setWanted] = useState(() => Boolean(params.get('q')?.trim()));

  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    loadPagefind()
      .then(async (loaded) => {
        const written = await loadManifest();
        if (cancelled) return;
        setPagefind(loaded);
        setManifest(written);
        setStatus('ready');
      })
      .catch(() => {
        if (!cancelled) setStatus('error');
      });
    return () => {
      cancelled = true;
    };
  }, [wanted]);

  const hasArchive = (manifest?.archive.length ?? 0) > 0;
  const searchAll = allYears && hasArchive;

  useEffect(() => {
    if (!pagefind || !manifest || !searchAll || archiveMerged) return;
    let cancelled = false;
    mergeArchive(pagefind, manifest)
      .then(() => {
        if (!cancelled) setArchiveMerged(true);
      })
      .catch(() => {
        if (!cancelled) setStatus('error');
      });
    return () => {
      cancelled = true;
    };
  }, [pagefind, manifest, searchAll, archiveMerged]);

  const engineReady = pagefind && (!searchAll || archiveMerged);

  useEffect(() => {
    if (!pagefind || !engineReady) return;
    let cancelled = false;
    const term = query.trim();
    if (!term) return;
    const filters = Object.fromEntries(
      Object.entries(selected).filter(([, value]) => value !== ''),
    );
    const start = performance.now();
    pagefind
      .debouncedSearch(term, { filters }, 120)
      .then(async (search) => {
        if (!search || cancelled) return;
        const hits = await loadHits(search.results.slice(0, PAGE));
        if (cancelled) return;
        setOutcome({ key: outcomeKey(term, selected, searchAll), results: search.results, hits });
        performance.measure('search:query', { start, end: performance.now() });
      })
      .catch(() => {
        if (!cancelled) setStatus('error');
      });
    return () => {
      cancelled = true;
    };
  }, [pagefind, engineReady, query, selected, searchAll]);

  function updateUrl(nextQuery: string, nextSelected: Selected, years = allYears) {
    const url = new URL(window.location.href);
    const entries = [
      ['q', nextQuery],
      ...Object.entries(nextSelected),
      ['years', years ? 'all' : ''],
    ];
    for (const [key, value] of entries) {
      if (value) url.searchParams.set(key as string, value as string);
      else url.searchParams.delete(key as string);
    }
    window.history.replaceState(null, '', url);
  }

  function onQuery(value: string) {
    setQuery(value);
    updateUrl(value, selected);
  }

  function onYears(checked: boolean) {
    setAllYears(checked);
    updateUrl(query, selected, checked);
    // Pagefind cannot unmerge an index: start again with the recent years only.
    if (!checked && archiveMerged) window.location.reload();
  }

  function onFilter(key: FilterKey, value: string) {
    const next = { ...selected, [key]: value };
    setSelected(next);
    updateUrl(query, next);
  }

  const current =
    query.trim() && outcome?.key === outcomeKey(query.trim(), selected, searchAll)
      ? outcome
      : undefined;
  const hits = current?.hits ?? [];
  const results = current?.results ?? [];

  async function showMore() {
    if (!current) return;
    const more = await loadHits(results.slice(hits.length, hits.length + PAGE));
    setOutcome((now) => (now === current ? { ...now, hits: [...now.hits, ...more] } : now));
  }

  return (
    <>
      <SearchForm
        labels={{ form: text['search.formLabel'], button: text['search.title'] }}
        action={action}
        query={query}
        onChange={onQuery}
        onFocus={() => setWanted(true)}
        onSubmit={(event) => event.preventDefault()}
      >
        <SearchFilters
          choices={choices}
          messages={messages}
          selected={selected}
          onFilter={onFilter}
        >
          {hasArchive && manifest && (
            <div className={styles.years}>
              <input
                id="search-years"
                type="checkbox"
                checked={allYears}
                onChange={(event) => onYears(event.target.checked)}
              />
              <label htmlFor="search-years">
                {fill(text['search.archive'], {
                  from: manifest.archive.at(-1)?.year ?? '',
                  to: manifest.archive[0]?.year ?? '',
                  recent: manifest.recentFrom,
                })}
              </label>
            </div>
          )}
        </SearchFilters>
      </SearchForm>
      <p role="status" className={styles.status}>
        {statusText(status, query, current?.results.length, messages)}
      </p>
      {hits.length > 0 && (
        <>
          <ol className={styles.results} aria-label={text['search.results']}>
            {hits.map((hit) => (
              <SearchResult key={hit.id} hit={hit} query={query.trim()} locale={messages.locale} />
            ))}
          </ol>
          {hits.length < results.length && (
            <button type="button" className={styles.more} onClick={showMore}>
              {text['search.more']}
            </button>
          )}
        </>
      )}
    </>
  );
}

async function loadHits(results: PagefindResult[]): Promise<Hit[]> {
  return Promise.all(
    results.map(async (result) => {
      const data = await result.data();
      return {
        id: result.id,
        url: data.url,
        meta: data.meta as Partial<SearchMeta>,
        excerpt: excerptParts(data.excerpt),
      };
    }),
  );
}
