// @ts-check
// The one place the environment is read. Plain JavaScript with JSDoc types so that next.config.js,
// the proxy, the scripts and lib/ all import it without a TypeScript loader.
import path from 'node:path';
import { z } from 'zod';

export const DEFAULT_SITE_URL = 'http://localhost:3000';

/** Every cache this project writes (cards, verdicts, image sizes, bundles) lives below this folder. */
export const CACHE_DIR = path.join('node_modules', '.cache', 'meridian');

const unset = (/** @type {unknown} */ value) => (value === '' ? undefined : value);

/** @param {number} fallback */
const wholeNumber = (fallback) =>
  z.preprocess(
    unset,
    z.coerce
      .number({ error: 'a whole number' })
      .int({ error: 'a whole number' })
      .min(0, { error: 'a whole number' })
      .default(fallback),
  );

const optionalWholeNumber = z.preprocess(
  unset,
  z.coerce
    .number({ error: 'a whole number' })
    .int({ error: 'a whole number' })
    .min(1, { error: 'a whole number' })
    .optional(),
);

const optionalText = z.preprocess(unset, z.string().optional());
/**
 * @template {string} T
 * @param {readonly [T, ...T[]]} values
 */
const oneOf = (values) =>
  z.enum(values, { error: `one of ${values.map((v) => `"${v}"`).join(', ')}` });
const onOff = z.preprocess(unset, oneOf(['on', 'off']).default('on'));
const flag = z.preprocess(unset, oneOf(['0', '1']).default('0')).transform((v) => v === '1');

/** @param {RegExp} protocol @param {string} expected */
const urlString = (protocol, expected) =>
  z
    .string()
    .refine((value) => URL.canParse(value) && protocol.test(new URL(value).protocol), expected);
const HTTP_URL = 'an absolute http(s) URL, like https://news.example';
const absoluteHttpUrl = z.preprocess(unset, urlString(/^https?:$/, HTTP_URL).optional());
const redisUrl = z.preprocess(
  unset,
  urlString(/^rediss?:$/, 'a redis:// URL, like redis://127.0.0.1:6379').optional(),
);
/** @param {string} fallback */
const httpUrlOr = (fallback) =>
  z.preprocess(unset, urlString(/^https?:$/, HTTP_URL).default(fallback));

const instant = z.preprocess(
  unset,
  z
    .string()
    .refine(
      (value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)),
      'an ISO 8601 instant, like 2026-12-06T09:30:00Z',
    )
    .optional(),
);

const previewSecret = z.preprocess(
  unset,
  z
    .string()
    .min(32, {
      error:
        'at least 32 characters of random text (make one with: openssl rand -hex 32); unset, preview links are off',
    })
    .optional(),
);

const schema = z
  .object({
    SITE_URL: absoluteHttpUrl,
    NEXT_OUTPUT: z.preprocess(unset, oneOf(['export', 'standalone']).optional()),
    NEXT_DIST_DIR: optionalText,
    CONTENT_DIR: optionalText,
    PRERENDER_NEWEST: wholeNumber(10_000),
    PRERENDER_ARCHIVE_PAGES: wholeNumber(10),
    REVALIDATE_TOKEN: optionalText,
    CARD_CACHE: onOff,
    CARD_CACHE_DIR: optionalText,
    CONTENT_CHECK_CACHE: optionalText,
    UNSAFE_RENDER_REFUSED_BODIES: flag,
    SEARCH_INDEX_DIR: optionalText,
    SEARCH_SPLIT_ABOVE: optionalWholeNumber,
    SEARCH_RECENT_YEARS: wholeNumber(2),
    NEXT_STATIC_CONCURRENCY: optionalWholeNumber,
    NEXT_BUILD_CPUS: optionalWholeNumber,
    // "off" only from scripts/build.mjs, which runs tsc --noEmit beside next build and fails the
    // build if it fails; unset, next build type-checks as usual.
    NEXT_TYPECHECK: onOff,
    MERIDIAN_CARD_TEMPLATE: optionalText,
    CHROMIUM_PATH: optionalText,
    BUILD_TIME: instant,
    PORT: optionalWholeNumber,
    PREVIEW_SECRET: previewSecret,
    REDIS_URL: redisUrl,
    EDGE_URL: absoluteHttpUrl,
    EDGE_PURGE_SECRET: optionalText,
    // The publisher (npm run publisher, docs/publishing.md).
    PUBLISHER_REMOTE: optionalText,
    PUBLISHER_BRANCH: z.preprocess(unset, z.string().default('main')),
    PUBLISHER_CONTENT_PATH: z.preprocess(unset, z.string().default('content')),
    PUBLISHER_DIR: z.preprocess(unset, z.string().default('.publisher')),
    PUBLISHER_INTERVAL: z.preprocess(
      unset,
      z.coerce
        .number({ error: 'a number of seconds' })
        .positive({ error: 'a number of seconds' })
        .default(30),
    ),
    PUBLISHER_PORT: wholeNumber(3300),
    PUBLISHER_SERVER_URL: httpUrlOr(DEFAULT_SITE_URL),
    PUBLISHER_WEBHOOK_SECRET: optionalText,
    PUBLISHER_STATUS_TOKEN: optionalText,
    PUBLISHER_NOTIFY_URL: absoluteHttpUrl,
    PUBLISHER_KEEP_RELEASES: wholeNumber(5),
    INDEXNOW_KEY: z.preprocess(
      unset,
      z
        .string()
        .regex(
          /^[a-zA-Z0-9-]{8,128}$/,
          "8 to 128 letters, digits or dashes (IndexNow's key format)",
        )
        .optional(),
    ),
    INDEXNOW_ENDPOINT: httpUrlOr('https://api.indexnow.org/indexnow'),
    WEBSUB_HUB: absoluteHttpUrl,
    SEARCH_LIVE_DIR: optionalText,
  })
  .refine((env) => !env.EDGE_URL || env.EDGE_PURGE_SECRET, {
    path: ['EDGE_PURGE_SECRET'],
    error: 'the secret the edge (EDGE_URL) expects on a purge; set it to the value varnishd has',
  });

const BAR = '!'.repeat(100);

/**
 * Every absolute URL (canonical links, feeds, sitemaps, cards, oEmbed) comes from SITE_URL. A
 * production build without it is only right on this machine: plain `npm run build` warns (so
 * `npm ci && npm run build && npm start` still works on localhost); the export and standalone
 * builds, which exist to be deployed elsewhere, stop.
 * @param {{ SITE_URL?: string, NEXT_OUTPUT?: string }} env
 * @returns {{ level: 'ok' } | { level: 'warning' | 'error', message: string }}
 */
export function siteUrlCheck(env) {
  // The schema has already refused a SITE_URL that is not an absolute http(s) URL.
  if (env.SITE_URL) return { level: 'ok' };
  const consequence = `SITE_URL is not set, so every canonical link, feed, sitemap, share card and oEmbed answer of this build points to ${DEFAULT_SITE_URL}.`;
  if (env.NEXT_OUTPUT === 'export' || env.NEXT_OUTPUT === 'standalone') {
    return {
      level: 'error',
      message: `${consequence} The ${env.NEXT_OUTPUT} build is made to be deployed: set SITE_URL=https://your.domain (or SITE_URL=${DEFAULT_SITE_URL} to try it locally).`,
    };
  }
  return {
    level: 'warning',
    message: [
      BAR,
      `WARNING: ${consequence}`,
      'That is right only for trying the site on this machine. To deploy, build with SITE_URL=https://your.domain.',
      BAR,
    ].join('\n'),
  };
}

/** @typedef {z.infer<typeof schema>} Settings */

/** Values never written into an error message, which ends up in build and server logs. */
const SECRETS = new Set(['PREVIEW_SECRET', 'REVALIDATE_TOKEN']);

/**
 * Reads and validates an environment. A bad value stops with every problem, each naming the
 * variable, what it holds and what is expected.
 * @param {Record<string, string | undefined>} env
 * @returns {Settings}
 */
export function parseSettings(env) {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const value = SECRETS.has(name)
      ? `(${env[name]?.length ?? 0} characters, not shown)`
      : `"${env[name]}"`;
    return `${name}=${value} is not valid: expected ${issue.message}`;
  });
  throw new Error(`Bad setting in the environment:\n  ${lines.join('\n  ')}`);
}

// MERIDIAN_CARD_TEMPLATE is named in full so that Next writes the value next.config.js computed
// into the server bundle (its `env` option replaces `process.env.NAME` where it is written).
export const settings = parseSettings({
  ...process.env,
  MERIDIAN_CARD_TEMPLATE: process.env.MERIDIAN_CARD_TEMPLATE,
});

/** Where content is read: CONTENT_DIR, or content/ in the project. */
export const contentDir = path.resolve(
  /* turbopackIgnore: true */ process.cwd(),
  settings.CONTENT_DIR || 'content',
);

/**
 * The project's public/ folder. Turbopack must not trace it: the search index writes a file there
 * for about every story, and tracing 106,000 of them made a 100,000-story compile 3 min and 6 GB.
 */
export const publicDir = path.join(/* turbopackIgnore: true */ process.cwd(), 'public');

/** A path inside CACHE_DIR, below the working directory (the project). */
export function cachePath(/** @type {string[]} */ ...parts) {
  return path.join(/* turbopackIgnore: true */ process.cwd(), CACHE_DIR, ...parts);
}

/**
 * This process's environment with `extra` added, for a child process that must see the same
 * settings.
 * @param {Record<string, string>} extra
 */
export function childEnvironment(extra = {}) {
  return { ...process.env, ...extra };
}
