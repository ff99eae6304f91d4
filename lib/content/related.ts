import { index } from './store';
import type { Article } from './types';

let sharedTags = new Uint16Array(0);

export function getRelatedArticles(article: Article, limit = 4): Article[] {
  const { articles, bySection, positions, tagPositions } =
    index().locales.get(article.locale) ?? index();
  // Counting shared tags in a typed array and keeping only the best `limit` candidates, rather
  // than a Map of every candidate sorted in full: a popular tag holds a third of a 10,000-story
  // archive, which made this 30 ms a page and the build quadratic.
  if (sharedTags.length < articles.length) sharedTags = new Uint16Array(articles.length);
  const self = positions.get(article);
  const touched: number[] = [];
  for (const tag of article.tags) {
    for (const position of tagPositions.get(tag.slug) ?? []) {
      if (position === self) continue;
      if (sharedTags[position] === 0) touched.push(position);
      sharedTags[position] = (sharedTags[position] ?? 0) + 1;
    }
  }
  const best: { other: Article; count: number; same: number; time: number }[] = [];
  const ranksBefore = (a: (typeof best)[number], b: (typeof best)[number]) =>
    a.count - b.count || a.same - b.same || a.time - b.time;
  for (const position of touched) {
    const other = articles[position];
    const count = sharedTags[position] ?? 0;
    sharedTags[position] = 0;
    if (!other) continue;
    const worst = best[limit - 1];
    if (worst && count < worst.count) continue;
    const candidate = {
      other,
      count,
      same: other.section.slug === article.section.slug ? 1 : 0,
      time: other.published.getTime(),
    };
    let at = best.length;
    for (let previous = best[at - 1]; previous && ranksBefore(candidate, previous) > 0; ) {
      at--;
      previous = best[at - 1];
    }
    if (at < limit) {
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    }
  }
  const picked = new Set(best.map((entry) => entry.other));
  for (const pool of [bySection.get(article.section.slug) ?? [], articles]) {
    for (const other of pool) {
      if (picked.size >= limit) break;
      if (other !== article) picked.add(other);
    }
  }
  return [...picked];
}
