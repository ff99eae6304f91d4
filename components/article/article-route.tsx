import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { type ParentParams, paramsLocale } from '@/components/listing/listing-route';
import { JsonLd } from '@/components/seo/json-ld';
import {
  getArticle,
  getArticles,
  getRedirects,
  getRedirectTarget,
  getRelatedArticles,
  staticParams,
} from '@/lib/content';
import { setRequestLocale } from '@/lib/i18n/request';
import { articleJsonLd, breadcrumbJsonLd } from '@/lib/json-ld';
import { articleMetadata } from '@/lib/metadata';
import { prerenderedArticles } from '@/lib/prerender';
import { defaultLocale } from '@/lib/site';

type Params = { slug: string; locale?: string };
type Props = { params: Promise<Params> };

/**
 * A story's page, in the default language (`/articles/<slug>`, with its old slugs redirecting)
 * or another (`/ko/articles/<slug>`, every translation prerendered).
 */
export function articleRoute() {
  return {
    // Older stories than the build prerenders render on first request; an unknown slug is a 404.
    generateStaticParams({ params }: ParentParams = {}) {
      const locale = paramsLocale(params ?? {});
      return staticParams(() =>
        locale === defaultLocale
          ? [
              ...prerenderedArticles().map((article) => ({ slug: article.slug })),
              ...getRedirects().map((redirect) => ({ slug: redirect.from })),
            ]
          : getArticles(locale).map((article) => ({ slug: article.slug })),
      );
    },
    async generateMetadata({ params }: Props): Promise<Metadata> {
      const resolved = await params;
      const article = getArticle(resolved.slug, paramsLocale(resolved));
      return article ? articleMetadata(article) : {};
    },
    async Page({ params }: Props) {
      const resolved = await params;
      const locale = paramsLocale(resolved);
      setRequestLocale(locale);
      if (locale === defaultLocale) {
        const moved = getRedirectTarget(resolved.slug);
        if (moved) permanentRedirect(moved.url);
      }
      const article = getArticle(resolved.slug, locale);
      if (!article) notFound();
      return (
        <>
          <JsonLd data={articleJsonLd(article)} />
          <JsonLd data={breadcrumbJsonLd(article)} />
          <ArticleView article={article} related={getRelatedArticles(article)} />
        </>
      );
    },
  };
}
