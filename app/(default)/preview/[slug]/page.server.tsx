import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { getArticleAnyStatus, getRelatedArticles } from '@/lib/content';
import { previewMetadata } from '@/lib/metadata';
import { checkPreview } from '@/lib/preview';
import { settings } from '@/lib/settings.js';

// A server-only page (*.server.tsx): the static export has no preview route. The proxy checks
// the link, rate-limits and sets the private headers before this renders; the page checks again.
type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function answer({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const single = (value: string | string[] | undefined) =>
    typeof value === 'string' ? value : undefined;
  return checkPreview(
    { slug, exp: single(query.exp), sig: single(query.sig) },
    { find: getArticleAnyStatus, secret: settings.PREVIEW_SECRET },
  );
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return (await answer(props)).kind === 'preview' ? previewMetadata() : {};
}

export default async function PreviewPage(props: Props) {
  const preview = await answer(props);
  if (preview.kind === 'published') redirect(preview.url);
  if (preview.kind !== 'preview') notFound();
  return (
    <ArticleView
      article={preview.article}
      related={getRelatedArticles(preview.article)}
      preview={{ expires: preview.expires }}
    />
  );
}
