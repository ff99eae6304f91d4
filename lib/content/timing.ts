import { copyWithBody } from './article-body';
import type { Article, PublicationStatus } from './types';

// Embargoes lift and live coverage ends by the clock, not by a rebuild: the content index keeps
// scheduled stories and judges each against the time it is asked at.

export function statusAt(article: Article, at: Date): PublicationStatus {
  return article.draft ? 'draft' : article.published > at ? 'scheduled' : 'published';
}

/** The article as it stands at `at`: the same object when nothing changed since it was loaded. */
export function articleAt(article: Article, at: Date): Article {
  const status = statusAt(article, at);
  const endDate = article.live?.endDate;
  const ended = endDate !== undefined && endDate <= at;
  if (status === article.status && ended === (article.live?.ended ?? false)) return article;
  const copy = copyWithBody(article);
  copy.status = status;
  if (copy.live) copy.live = { ...copy.live, ended };
  return copy;
}

/** The first moment after `at` when some article's status or live coverage changes by itself. */
export function nextChangeAfter(articles: Article[], at: Date): number {
  let next = Infinity;
  for (const article of articles) {
    if (article.draft) continue;
    for (const time of [article.published.getTime(), article.live?.endDate?.getTime()]) {
      if (time !== undefined && time > at.getTime() && time < next) next = time;
    }
  }
  return next;
}
