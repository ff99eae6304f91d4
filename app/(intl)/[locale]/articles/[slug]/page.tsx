import { articleRoute } from '@/components/article/article-route';

const route = articleRoute();
export const dynamicParams = false;
export const { generateStaticParams, generateMetadata } = route;
export default route.Page;
