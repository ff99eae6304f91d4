import { Link } from '@/components/navigation/link';
import { Fragment } from 'react';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/locales';
import type { SearchMeta } from '@/lib/search/records';
import { type Part, titleParts } from './search-text';
import styles from './search.module.css';

export interface Hit {
  id: string;
  url: string;
  meta: Partial<SearchMeta>;
  excerpt: Part[];
}

function Marked({ parts }: { parts: Part[] }) {
  return parts.map((part, index) =>
    part.mark ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
  );
}

export function SearchResult({ hit, query, locale }: { hit: Hit; query: string; locale: Locale }) {
  const { meta } = hit;
  const title = meta.title ?? hit.url;
  return (
    <li className={styles.result}>
      <article>
        <h2 className={styles.title}>
          <Link href={hit.url}>
            <Marked parts={titleParts(title, query)} />
          </Link>
        </h2>
        <p className={styles.meta}>
          {meta.section}
          {meta.date && (
            <>
              {' · '}
              <time dateTime={meta.date}>{formatDate(new Date(meta.date), locale)}</time>
            </>
          )}
          {meta.byline && ` · ${meta.byline}`}
        </p>
        {hit.excerpt.length > 0 && (
          <p className={styles.excerpt}>
            <Marked parts={hit.excerpt} />
          </p>
        )}
      </article>
    </li>
  );
}
