import { Link } from '@/components/navigation/link';
import { Byline } from '@/components/article/byline';
import { LiveLabel } from '@/components/live/live-label';
import { SiteImage } from '@/components/media/site-image';
import type { Article } from '@/lib/content';
import { formatted, localHref, localName, t } from '@/lib/i18n/request';

export function LeadStory({ article }: { article: Article }) {
  return (
    <article className="lead-story" aria-labelledby="lead-story-title">
      {article.image ? (
        <div className="lead-story__image">
          <SiteImage
            src={article.image}
            alt={article.imageAlt ?? ''}
            cover
            priority
            sizes="(min-width: 60rem) 40rem, 100vw"
          />
        </div>
      ) : (
        <div className="lead-story__fallback" aria-hidden="true">
          <span>{localName(article.section)}</span>
        </div>
      )}
      <div className="lead-story__text">
        <p className="kicker">
          <LiveLabel article={article} />
          <Link href={localHref(article.section.url)}>{localName(article.section)}</Link>
        </p>
        <h2 id="lead-story-title" className="lead-story__title">
          <Link href={article.url}>{article.title}</Link>
        </h2>
        <p className="lead-story__summary">{article.summary}</p>
        <Byline authors={article.authors} />
        <p className="story-card__meta">
          <time dateTime={article.date}>{formatted('date', article.published)}</time> ·{' '}
          {t('article.readingTime', { minutes: article.readingTime.minutes })}
        </p>
      </div>
    </article>
  );
}
