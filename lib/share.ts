import type { Article } from '@/lib/content';
import { articleCard, cardImage } from '@/lib/og/cards';
import { absoluteUrl } from '@/lib/site';

export const SHARE_PLATFORMS = [
  'x',
  'facebook',
  'linkedin',
  'reddit',
  'whatsapp',
  'telegram',
  'email',
] as const;

export type SharePlatform = (typeof SHARE_PLATFORMS)[number];

export interface Shareable {
  url: string;
  title: string;
  summary: string;
}

export const SHARE_LABELS: Record<SharePlatform, string> = {
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  email: 'Email',
};

const enc = encodeURIComponent;

export function shareLinks(item: Shareable): Record<SharePlatform, string> {
  const url = absoluteUrl(item.url);
  return {
    x: `https://x.com/intent/tweet?url=${enc(url)}&text=${enc(item.title)}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`,
    reddit: `https://www.reddit.com/submit?url=${enc(url)}&title=${enc(item.title)}`,
    whatsapp: `https://wa.me/?text=${enc(`${item.title} ${url}`)}`,
    telegram: `https://t.me/share/url?url=${enc(url)}&text=${enc(item.title)}`,
    email: `mailto:?subject=${enc(item.title)}&body=${enc(`${item.summary}\n\n${url}`)}`,
  };
}

export function sharePayload(article: Article) {
  const image = cardImage(articleCard(article));
  return {
    url: absoluteUrl(article.url),
    title: article.title,
    summary: article.summary,
    image: { url: image.url, width: image.width, height: image.height, alt: image.alt },
    authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(author.url) })),
    section: { name: article.section.name, url: absoluteUrl(article.section.url) },
    tags: article.tags.map((tag) => ({ name: tag.name, url: absoluteUrl(tag.url) })),
    publishedAt: article.date,
    updatedAt: article.dateModified,
    links: shareLinks(article),
  };
}

export type SharePayload = ReturnType<typeof sharePayload>;
