import { listingArchivePageRoute } from '@/components/listing/listing-route';

const route = listingArchivePageRoute('section');
export const { generateStaticParams, generateMetadata } = route;
export default route.Page;
