import { listingFirstPageRoute } from '@/components/listing/listing-route';

const route = listingFirstPageRoute('tag');
export const dynamicParams = false;
export const { generateStaticParams, generateMetadata } = route;
export default route.Page;
