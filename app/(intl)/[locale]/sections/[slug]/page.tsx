import { listingFirstPageRoute } from '@/components/listing/listing-route';

const route = listingFirstPageRoute('section');
export const dynamicParams = false;
export const { generateStaticParams, generateMetadata } = route;
export default route.Page;
