import Link from 'next/link';
import { Fragment } from 'react';
import type { Author } from '@/lib/content';

export function Byline({ authors }: { authors: Author[] }) {
  return (
    <p className="byline">
      By{' '}
      {authors.map((author, index) => (
        <Fragment key={author.slug}>
          {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
          <Link href={author.url} rel="author">
            {author.name}
          </Link>
        </Fragment>
      ))}
    </p>
  );
}
