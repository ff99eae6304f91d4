import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { JsonLd } from '@/components/seo/json-ld';
import {
  getArticle,
  getRedirects,
  getRedirectTarget,
  getRelatedArticles,
  staticParams,
} from '@/lib/content';
import { articleJsonLd, breadcrumbJsonLd } from '@/lib/json-ld';
import { articleMetadata } from '@/lib/metadata';
import { prerenderedArticles } from '@/lib/prerender';

type Props = { params: Promise<{ slug: string }> };

// Older stories than the build prerenders render on first request; an unknown slug is a 404.
export function generateStaticParams() {
  return staticParams(() => [
    ...prerenderedArticles().map((article) => ({ slug: article.slug })),
    ...getRedirects().map((redirect) => ({ slug: redirect.from })),
  ]);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = getArticle((await params).slug);
  return article ? articleMetadata(article) : {};
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const moved = getRedirectTarget(slug);
  if (moved) permanentRedirect(moved.url);
  const article = getArticle(slug);
  if (!article) notFound();
  return (
    <>
      <JsonLd data={articleJsonLd(article)} />
      <JsonLd data={breadcrumbJsonLd(article)} />
      <ArticleView article={article} related={getRelatedArticles(article)} />
    </>
  );
}
