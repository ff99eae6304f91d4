import { Link } from '@/components/navigation/link';
import { LiveLabel } from '@/components/live/live-label';
import { SiteImage } from '@/components/media/site-image';
import type { Article } from '@/lib/content';
import { joinNames } from '@/lib/format';
import { formatted, localHref, localName } from '@/lib/i18n/request';

interface StoryCardProps {
  article: Article;
  headingLevel?: 2 | 3;
  showImage?: boolean;
}

export function StoryCard({ article, headingLevel = 2, showImage = true }: StoryCardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="story-card">
      {showImage && article.image && (
        <div className="story-card__image">
          <SiteImage src={article.image} alt="" cover sizes="(min-width: 48rem) 20rem, 100vw" />
        </div>
      )}
      <p className="kicker">
        <LiveLabel article={article} />
        <Link href={localHref(article.section.url)}>{localName(article.section)}</Link>
      </p>
      <Heading className="story-card__title">
        <Link href={article.url}>{article.title}</Link>
      </Heading>
      <p className="story-card__summary">{article.summary}</p>
      <p className="story-card__meta">
        {joinNames(article.authors.map(localName))} ·{' '}
        <time dateTime={article.date}>{formatted('date', article.published)}</time>
      </p>
    </article>
  );
}
