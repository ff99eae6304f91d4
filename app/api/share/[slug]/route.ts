import { getArticle, getArticles } from '@/lib/content';
import { sharePayload } from '@/lib/share';

type Context = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return getArticles().map((article) => ({ slug: article.slug }));
}

export async function GET(_request: Request, { params }: Context) {
  const { slug } = await params;
  const article = getArticle(slug);
  if (!article) {
    return Response.json({ error: 'not_found', message: `No article "${slug}"` }, { status: 404 });
  }
  return Response.json(sharePayload(article));
}
