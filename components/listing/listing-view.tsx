import type { ReactNode } from 'react';
import type { Article, Page } from '@/lib/content';
import { t } from '@/lib/i18n/request';
import { Pagination } from './pagination';
import { StoryList } from './story-list';

interface ListingViewProps {
  title: string;
  kicker?: string;
  intro?: ReactNode;
  basePath: string;
  page: Page<Article>;
}

export function ListingView({ title, kicker, intro, basePath, page }: ListingViewProps) {
  return (
    <div className="listing">
      <header className="listing__header">
        {kicker && <p className="kicker">{kicker}</p>}
        <h1>
          {title}
          {page.page > 1 && (
            <span className="listing__page">
              {t('listing.pageTitle', { title: '', page: page.page })}
            </span>
          )}
        </h1>
        {intro}
      </header>
      {page.items.length > 0 ? <StoryList articles={page.items} /> : <p>{t('listing.empty')}</p>}
      <Pagination basePath={basePath} page={page.page} totalPages={page.totalPages} />
    </div>
  );
}
