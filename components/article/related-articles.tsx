import type { Article } from '@/lib/content';
import { StoryCard } from '@/components/listing/story-card';
import { t } from '@/lib/i18n/request';

export function RelatedArticles({ articles }: { articles: Article[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="related">
      <h2 id="related-heading">{t('article.related')}</h2>
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
