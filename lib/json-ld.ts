import {
  type Article,
  type Author,
  getTranslations,
  isLive,
  type LiveArticle,
} from '@/lib/content';
import { nameIn } from '@/lib/content/schema';
import { bodyText } from '@/lib/content/body';
import { isOngoing } from '@/lib/live-stories';
import { articleUrl } from '@/lib/metadata';
import { articleCard, cardImage, LOGO_SIZE, RENDITION_NAMES } from '@/lib/og/cards';
import { absoluteUrl, defaultLocale, type Locale, localeInfo, localePath, site } from '@/lib/site';

export type JsonLdObject = { '@context'?: string; '@type': string } & Record<string, unknown>;

const CONTEXT = 'https://schema.org';

export function publisherJsonLd(): JsonLdObject {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': absoluteUrl('/#publisher'),
    name: site.name,
    url: absoluteUrl('/'),
    logo: {
      '@type': 'ImageObject',
      url: absoluteUrl(site.logo),
      width: LOGO_SIZE,
      height: LOGO_SIZE,
    },
  };
}

function person(author: Author, locale: Locale = defaultLocale): JsonLdObject {
  const sameAs = Object.values(author.links);
  return {
    '@type': 'Person',
    name: nameIn(author, locale),
    url: absoluteUrl(localePath(locale, author.url)),
    ...(author.role ? { jobTitle: author.role } : {}),
    ...(author.avatar ? { image: absoluteUrl(author.avatar) } : {}),
    ...(sameAs.length ? { sameAs } : {}),
  };
}

export function articleJsonLd(article: Article): JsonLdObject {
  const card = articleCard(article);
  const url = articleUrl(article);
  return {
    '@context': CONTEXT,
    '@type': article.live ? 'LiveBlogPosting' : 'NewsArticle',
    headline: article.title,
    description: article.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: RENDITION_NAMES.map((rendition) => cardImage(card, rendition).url),
    datePublished: article.date,
    dateModified: article.dateModified,
    author: article.authors.map((author) => person(author, article.locale)),
    publisher: publisherJsonLd(),
    articleSection: nameIn(article.section, article.locale),
    keywords: article.tags.map((tag) => nameIn(tag, article.locale)),
    inLanguage: localeInfo(article.locale).tag,
    isAccessibleForFree: true,
    ...translationLinks(article),
    ...(isLive(article) ? liveBlogJsonLd(article) : {}),
  };
}

/**
 * schema.org's translation links: an original names each translation (`workTranslation`), a
 * translation names its original (`translationOfWork`), each by its URL and language.
 */
function translationLinks(article: Article) {
  const work = (other: Article) => ({
    '@type': 'NewsArticle',
    '@id': articleUrl(other),
    url: articleUrl(other),
    inLanguage: localeInfo(other.locale).tag,
  });
  const set = getTranslations(article).filter((other) => other.locale !== article.locale);
  if (article.locale === defaultLocale) {
    return set.length ? { workTranslation: set.map(work) } : {};
  }
  const original = set.find((other) => other.locale === defaultLocale);
  return original ? { translationOfWork: work(original) } : {};
}

function liveBlogJsonLd(article: LiveArticle) {
  const { live } = article;
  return {
    coverageStartTime: live.start,
    ...(isOngoing(article) ? {} : { coverageEndTime: live.end }),
    liveBlogUpdate: live.updates.map((update) => ({
      '@type': 'BlogPosting',
      headline: update.title,
      datePublished: update.time,
      articleBody: bodyText(update),
      url: absoluteUrl(update.path),
    })),
  };
}

export function breadcrumbJsonLd(article: Article): JsonLdObject {
  const crumbs = [
    { name: site.name, url: absoluteUrl(localePath(article.locale, '/')) },
    {
      name: nameIn(article.section, article.locale),
      url: absoluteUrl(localePath(article.locale, article.section.url)),
    },
    { name: article.title, url: absoluteUrl(article.url) },
  ];
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

export function websiteJsonLd(locale: Locale = defaultLocale): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: site.name,
    url: absoluteUrl(localePath(locale, '/')),
    description: site.description,
    inLanguage: localeInfo(locale).tag,
    publisher: publisherJsonLd(),
  };
}

export function authorJsonLd(author: Author): JsonLdObject {
  return {
    '@context': CONTEXT,
    ...person(author),
    description: author.bio,
    worksFor: {
      '@type': 'NewsMediaOrganization',
      '@id': absoluteUrl('/#publisher'),
      name: site.name,
    },
  };
}

/**
 * JSON for an inline <script>: escaping <, > and & means no string (a headline containing
 * "</script>", say) can end the element or open a comment; U+2028/2029 are escaped for old parsers.
 */
export function serializeJsonLd(data: JsonLdObject): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
