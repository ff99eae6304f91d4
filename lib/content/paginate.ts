import { site } from '@/lib/site';

export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
}

export function paginate<T>(items: T[], page = 1, pageSize: number = site.pageSize): Page<T> | undefined {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, totalPages };
}

export function pageNumbers(count: number, pageSize: number = site.pageSize): number[] {
  const totalPages = Math.max(1, Math.ceil(count / pageSize));
  return Array.from({ length: totalPages - 1 }, (_, i) => i + 2);
}
