import { Link } from '@/components/navigation/link';
import { Fragment } from 'react';
import type { Author } from '@/lib/content';
import { localHref, localName, t } from '@/lib/i18n/request';

export function Byline({ authors }: { authors: Author[] }) {
  return (
    <p className="byline">
      {t('article.by')}{' '}
      {authors.map((author, index) => (
        <Fragment key={author.slug}>
          {index > 0 && (index === authors.length - 1 ? t('article.and') : ', ')}
          <Link href={localHref(author.url)} rel="author">
            {localName(author)}
          </Link>
        </Fragment>
      ))}
    </p>
  );
}
