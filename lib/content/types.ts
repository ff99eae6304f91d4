import type { ContentIssue } from './issues';
import type { LiveCoverage } from './live';
import type { BodyVerdict } from './sanitise';
import type { ArticleFrontmatter, AuthorFrontmatter, LocalizedNames, Section } from './schema';
import type { Locale } from '../site';
import type { BodyJudge } from './verdicts';

export type PublicationStatus = 'published' | 'draft' | 'scheduled';

export type SectionEntry = Section & { url: string };

export type Author = AuthorFrontmatter & {
  slug: string;
  url: string;
  bio: string;
  body: string;
  bodyLine: number;
};

export interface Tag {
  /** The default language's name: tags.yaml's, else as the story wrote it. */
  name: string;
  /** Its name per language, when content/tags.yaml declares them (see nameIn). */
  names?: LocalizedNames;
  slug: string;
  url: string;
}

export type { LiveCoverage, LiveUpdate } from './live';

export type Article = Omit<ArticleFrontmatter, 'authors' | 'section' | 'tags' | 'live'> & {
  slug: string;
  /** Its language: content/articles/ holds the default's, content/<locale>/articles/ another's. */
  locale: Locale;
  url: string;
  file: string;
  status: PublicationStatus;
  authors: Author[];
  section: SectionEntry;
  tags: Tag[];
  /** Read from the file when asked for (see articleBody), so a large archive is not held in memory. */
  readonly body: string;
  bodyLine: number;
  /** The body's key in the verdict cache: what it was when loaded. */
  bodyHash: string;
  published: Date;
  modified: Date;
  /** `updated`, or the newest live update when that is later, as written (with its offset). */
  dateModified: string;
  live?: LiveCoverage;
  readingTime: { minutes: number; words: number; text: string };
};

/** A story with live coverage (`live:` in its frontmatter). */
export type LiveArticle = Article & { live: NonNullable<Article['live']> };

export function isLive(article: Article): article is LiveArticle {
  return article.live !== undefined;
}

export interface SourceBody {
  file: string;
  line: number;
  key: string;
}

export interface LoadedContent {
  files: number;
  /** Story and author files read, and parsed (the others were known by their blob id). */
  read: number;
  parsed: number;
  /** The body of every article and author file whose frontmatter could be read. */
  bodies: SourceBody[];
  /** The pipeline's verdict on each of those bodies. */
  verdicts: Map<SourceBody, BodyVerdict>;
  articles: Article[];
  authors: Author[];
  sections: SectionEntry[];
  issues: ContentIssue[];
}

export interface LoadOptions {
  contentDir: string;
  publicDir: string;
  now: Date;
  /** `judgeBody` from body.ts: the content check passes it only once it has bodies to parse. */
  judge: BodyJudge;
  /** Where verdicts on bodies are kept between runs (see verdicts.ts); none when undefined. */
  cacheFile?: string;
  /**
   * A body the pipeline refuses is an error, so no build mode can publish it. Only the end-to-end
   * suite lowers it to a warning, to prove that such a body still renders inert everywhere.
   */
  refusedBodies?: 'error' | 'warning';
  /** Judge only the bodies of these files (content-relative names, as in issues). */
  judgeOnly?: ReadonlySet<string>;
}
