import { z } from 'zod';
import { defaultLocale, isLocale, locales } from '../site';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isRealDateTime(value: string): boolean {
  const m = DATE_TIME_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0));
  if (year === undefined || month === undefined || day === undefined) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    (hour ?? 0) <= 23 &&
    (minute ?? 0) <= 59 &&
    (second ?? 0) <= 59
  );
}

const text = (what: string) =>
  z
    .string({ error: `must be text (${what})` })
    .trim()
    .min(1, { error: `is empty: write ${what}` });

const slug = (what: string) =>
  z
    .string({ error: `must be ${what} slug` })
    .regex(SLUG_PATTERN, { error: `must be ${what} slug: lowercase letters, digits and hyphens` });

export const dateTime = z
  .string({
    error:
      'must be a date and time with a time-zone offset, like 2022-08-08T09:30:00-07:00 (put it in quotes if your editor changed it)',
  })
  .refine((value) => DATE_TIME_PATTERN.test(value), {
    error: 'must be a date and time with a time-zone offset, like 2022-08-08T09:30:00-07:00',
  })
  .refine((value) => !DATE_TIME_PATTERN.test(value) || isRealDateTime(value), {
    error: 'is not a real date or time (check the month, day and hour)',
  });

const imagePath = z
  .string({ error: 'must be a path under public/ such as /images/photo.jpg, or an https:// URL' })
  .refine((value) => /^\/(?!\/)[^\s?#]+$/.test(value) || /^https:\/\/[^\s]+$/.test(value), {
    error: 'must be a path under public/ starting with / (like /images/photo.jpg), or an https:// URL',
  })
  .refine((value) => !value.split('/').includes('..'), {
    error: 'must not contain ".." (images live under public/)',
  });

const absoluteHttpUrl = z
  .string({ error: 'must be an absolute URL starting with https:// or http://' })
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    error: 'must be an absolute URL starting with https:// or http://',
  });

const localeCodes = locales.map((locale) => locale.code).join(', ');

/** A name in the default language, or one per language (`name: { en: …, ko: … }`). */
const localizedText = (what: string) =>
  z.union(
    [
      text(what),
      z.record(z.string(), text(what)).superRefine((names, ctx) => {
        for (const code of Object.keys(names)) {
          if (!isLocale(code)) {
            ctx.addIssue({
              code: 'custom',
              path: [code],
              message: `is not a language the site publishes in (${localeCodes}; declared in lib/site.ts)`,
            });
          }
        }
        if (!(defaultLocale in names)) {
          ctx.addIssue({
            code: 'custom',
            path: [],
            message: `has no "${defaultLocale}" entry: the default language's name is required, like { ${defaultLocale}: …, ko: … }`,
          });
        }
      }),
    ],
    // The same words as a plain text field: one per language is documented in docs/translations.md.
    { error: `must be text (${what})` },
  );

/** Every language's form of a localized name (the default's where none is given). */
export type LocalizedNames = Record<string, string>;

function namesOf(value: string | Record<string, string>): { name: string; names: LocalizedNames } {
  if (typeof value === 'string') return { name: value, names: { [defaultLocale]: value } };
  return { name: value[defaultLocale] ?? Object.values(value)[0] ?? '', names: value };
}

/** The name in `locale`, falling back to the default language's. */
export function nameIn(entry: { name: string; names?: LocalizedNames }, locale: string): string {
  return entry.names?.[locale] ?? entry.name;
}

export const articleFrontmatterSchema = z
  .strictObject({
    title: text('the headline'),
    summary: text('a one- or two-sentence summary'),
    date: dateTime,
    updated: dateTime.optional(),
    authors: z
      .array(slug('an author'), { error: 'must be a list of author slugs, like [bryan-ke]' })
      .min(1, { error: 'must name at least one author' }),
    section: slug('a section'),
    tags: z
      .array(text('the tag'), { error: 'must be a list of tags, like [politics, europe]' })
      .optional()
      .default([]),
    image: imagePath.optional(),
    imageAlt: text('a description of the image for readers who cannot see it').optional(),
    imageCaption: text('the caption').optional(),
    imageCredit: text('the credit').optional(),
    draft: z.boolean({ error: 'must be true or false' }).optional().default(false),
    previewVersion: z
      .number({ error: 'must be a whole number, 1 or more (raise it to revoke preview links)' })
      .int({ error: 'must be a whole number, 1 or more (raise it to revoke preview links)' })
      .min(1, { error: 'must be a whole number, 1 or more (raise it to revoke preview links)' })
      .optional()
      .default(1),
    corrections: z
      .array(
        z.strictObject({
          date: dateTime,
          text: text('what was corrected'),
        }),
        { error: 'must be a list of corrections, each with a date and a text' },
      )
      .optional()
      .default([]),
    canonical: absoluteHttpUrl.optional(),
    redirectFrom: z
      .array(slug('an old article'), { error: 'must be a list of old slugs' })
      .optional()
      .default([]),
    live: z
      .strictObject(
        { start: dateTime, end: dateTime.optional() },
        { error: 'must be the coverage times, like live: { start: 2026-11-28T09:00:00+00:00 }' },
      )
      .optional(),
    translationOf: slug('the original (default-language) article').optional(),
    sampleTranslation: z.boolean({ error: 'must be true or false' }).optional().default(false),
  })
  .superRefine((data, ctx) => {
    if (data.image && !data.imageAlt) {
      ctx.addIssue({
        code: 'custom',
        path: ['imageAlt'],
        message:
          'is missing: an article with an image needs imageAlt, a short description of the picture',
      });
    }
    if (!data.image) {
      for (const key of ['imageAlt', 'imageCaption', 'imageCredit'] as const) {
        if (data[key]) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'is set but there is no image' });
        }
      }
    }
    if (data.updated && Date.parse(data.updated) < Date.parse(data.date)) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: `is before the publication date (${data.date}); updated must be the same or later`,
      });
    }
    if (data.live?.end && Date.parse(data.live.end) < Date.parse(data.live.start)) {
      ctx.addIssue({
        code: 'custom',
        path: ['live', 'end'],
        message: `is before live.start (${data.live.start}); coverage must end after it starts`,
      });
    }
  });

const authorFields = z.strictObject({
  name: localizedText("the author's full name"),
  role: text('the job title').optional(),
  avatar: imagePath.optional(),
  links: z
    .record(z.string(), absoluteHttpUrl, {
      error: 'must be a map of link names to URLs, like website: https://example.com',
    })
    .optional()
    .default({}),
});

export const authorFrontmatterSchema = authorFields.transform((data) => ({
  ...data,
  ...namesOf(data.name),
}));

const sectionFields = z.strictObject({
  slug: slug('a section'),
  name: localizedText('the section name'),
  description: localizedText('a one-sentence description of the section'),
});

export const sectionSchema = sectionFields.transform((data) => {
  const description = namesOf(data.description);
  return {
    ...data,
    ...namesOf(data.name),
    description: description.name,
    descriptions: description.names,
  };
});

export const sectionsFileSchema = z
  .array(sectionSchema, { error: 'must be a list of sections, each with slug, name and description' })
  .min(1, { error: 'must declare at least one section' });

/** tags.yaml: a tag's slug (what its URL and every story's tag list slugify to) and names. */
const tagSchema = z
  .strictObject({
    slug: slug('a tag'),
    name: localizedText('the tag name'),
  })
  .transform((data) => ({ slug: data.slug, ...namesOf(data.name) }));

export const tagsFileSchema = z.array(tagSchema, {
  error: 'must be a list of tags, each with slug and name, like - slug: north-korea',
});

export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;
export type AuthorFrontmatter = z.infer<typeof authorFrontmatterSchema>;
export type Section = z.infer<typeof sectionSchema>;

export const ARTICLE_FIELDS = Object.keys(articleFrontmatterSchema.shape);
export const AUTHOR_FIELDS = Object.keys(authorFields.shape);
