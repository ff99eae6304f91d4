import type { Article } from '@/lib/content';
import { StoryCard } from '@/components/listing/story-card';

export function RelatedArticles({ articles }: { articles: Article[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="related">
      <h2 id="related-heading">Related stories</h2>
      <ul className="story-grid">
        {articles.map((article) => (
          <li key={article.slug}>
            <StoryCard article={article} headingLevel={3} />
          </li>
        ))}
      </ul>
    </section>
  );
}
