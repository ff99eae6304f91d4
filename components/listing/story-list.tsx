import type { Article } from '@/lib/content';
import { StoryCard } from './story-card';

export function StoryList({ articles }: { articles: Article[] }) {
  return (
    <ul className="story-grid">
      {articles.map((article) => (
        <li key={article.slug}>
          <StoryCard article={article} />
        </li>
      ))}
    </ul>
  );
}
