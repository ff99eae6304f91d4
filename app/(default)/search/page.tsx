import type { Metadata } from 'next';
import { SearchPage } from '@/components/search/search-page';
import { searchMetadata } from '@/lib/metadata';

export const metadata: Metadata = searchMetadata();

export default function Search() {
  return <SearchPage />;
}
