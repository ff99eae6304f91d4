import { type Article, getArticles, isLive, type LiveArticle } from '@/lib/content';
import { updateHtml } from '@/lib/feed-html';
import { absoluteUrl, site } from '@/lib/site';

/** The live stories: each has an updates JSON and a feed of its own. */
export function liveArticles(): LiveArticle[] {
  return getArticles().filter(isLive);
}

/**
 * Live and still running when the content was loaded: neither ended by `live.end` nor idle past
 * `site.liveIdleHours` (the rule is `coverageEnd` in lib/content/live.ts, applied once on load).
 */
export function isOngoing(article: Article): boolean {
  return article.live !== undefined && !article.live.ended;
}

/** The prerendered JSON of a live story's updates that open pages poll. */
export function liveJsonPath(article: Article): string {
  return `/api/live/${article.slug}.json`;
}

export function livePayload(article: LiveArticle) {
  const { live } = article;
  return {
    url: absoluteUrl(article.url),
    title: article.title,
    ended: live.ended,
    start: live.start,
    ...(live.end ? { end: live.end } : {}),
    updated: live.newest?.time ?? live.start,
    refreshSeconds: site.liveRefreshSeconds,
    updates: live.updates.map((update) => ({
      id: update.id,
      time: update.time,
      title: update.title,
      pinned: update.pinned,
      url: absoluteUrl(update.path),
      html: updateHtml(article, update),
    })),
  };
}

export type LivePayload = ReturnType<typeof livePayload>;
