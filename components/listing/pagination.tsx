import Link from 'next/link';
import { pageHref } from '@/lib/listings';

interface PaginationProps {
  basePath: string;
  page: number;
  totalPages: number;
}

export function Pagination({ basePath, page, totalPages }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? (
        <Link href={pageHref(basePath, page - 1)} rel="prev">
          ← Newer stories
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <Link href={pageHref(basePath, page + 1)} rel="next">
          Older stories →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
