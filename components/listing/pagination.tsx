import { Link } from '@/components/navigation/link';
import { t } from '@/lib/i18n/request';
import { pageHref } from '@/lib/listings';

interface PaginationProps {
  basePath: string;
  page: number;
  totalPages: number;
}

export function Pagination({ basePath, page, totalPages }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label={t('pagination.label')} className="pagination">
      {page > 1 ? (
        <Link href={pageHref(basePath, page - 1)} rel="prev">
          {t('pagination.newer')}
        </Link>
      ) : (
        <span />
      )}
      <span>{t('pagination.page', { page, total: totalPages })}</span>
      {page < totalPages ? (
        <Link href={pageHref(basePath, page + 1)} rel="next">
          {t('pagination.older')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
