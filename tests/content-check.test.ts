import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { now } from '@/lib/clock';
import { checkContent, formatReport } from '@/lib/content/check';
import type { ContentIssue } from '@/lib/content';
import { generateCorpus } from '../scripts/bench/generate-corpus';
import { severalDates } from './helpers/dates';

const root = path.resolve(import.meta.dirname, '..');
const fixture = path.join(root, 'tests/fixtures/check');
const options = {
  contentDir: path.join(fixture, 'content'),
  publicDir: path.join(fixture, 'public'),
  now: new Date('2026-06-01T00:00:00Z'),
};
const result = await checkContent(options);

function issuesOf(name: string): ContentIssue[] {
  return result.issues.filter((issue) => issue.file.endsWith(`/${name}`));
}

function expectIssue(name: string, line: number, message: RegExp, severity = 'error') {
  const found = issuesOf(name);
  expect(
    found.some(
      (issue) => issue.line === line && issue.severity === severity && message.test(issue.message),
    ),
    `${name}: expected ${severity} at line ${line} matching ${message}, got\n${found.map((i) => `${i.line}: ${i.message}`).join('\n')}`,
  ).toBe(true);
}

describe('content check on the fixture folder', () => {
  it('prints the expected report, one line per problem, and exits 1', () => {
    const expected = fs.readFileSync(path.join(fixture, 'expected-output.txt'), 'utf8');
    let stdout = '';
    let status = 0;
    try {
      stdout = execFileSync(
        process.execPath,
        [
          'scripts/run-bundled.mjs',
          'scripts/content-check.ts',
          '--',
          options.contentDir,
          options.publicDir,
        ],
        { cwd: root, encoding: 'utf8', env: { ...process.env, CONTENT_CHECK_CACHE: 'off' } },
      );
    } catch (error) {
      status = Number(Reflect.get(Object(error), 'status'));
      stdout = String(Reflect.get(Object(error), 'stdout'));
    }
    expect(status).toBe(1);
    expect(stdout).toBe(expected);
  }, 180_000);

  it('counts files, errors and warnings in the summary line', () => {
    const errors = result.issues.filter((issue) => issue.severity === 'error').length;
    expect(result.errors).toBe(errors);
    expect(result.warnings).toBe(result.issues.length - errors);
    expect(formatReport(result).split('\n').at(-1)).toBe(
      `${result.files} files, ${result.errors} errors, ${result.warnings} warnings`,
    );
    const onDisk =
      1 +
      fs.readdirSync(path.join(fixture, 'content/articles')).length +
      fs.readdirSync(path.join(fixture, 'content/authors')).length;
    expect(result.files).toBe(onDisk);
  });

  it('accepts valid files, HTML in frontmatter, a BOM with CRLF, and drafts', () => {
    for (const name of [
      'good-article.mdx',
      'html-in-frontmatter.mdx',
      'bom-crlf.mdx',
      'draft-target.mdx',
      'markdown-accepted.mdx',
    ]) {
      expect(issuesOf(name), name).toEqual([]);
    }
  });
});

describe('frontmatter checks', () => {
  it('unknown fields suggest the right name', () =>
    expectIssue('unknown-field.mdx', 8, /unknown field "autors": did you mean "authors"\?/));
  it('missing required fields', () => expectIssue('missing-title.mdx', 2, /"title" is missing/));
  it('YAML of the wrong type', () => {
    expectIssue('wrong-types.mdx', 2, /"title" must be text .* but it is the number 42/);
    expectIssue('wrong-types.mdx', 5, /"authors" must be a list .* but it is the text "mina-seo"/);
    expectIssue('wrong-types.mdx', 8, /"draft" must be true or false/);
  });
  it('dates that are not real or lack an offset', () => {
    expectIssue('not-a-real-date.mdx', 4, /"date" is not a real date/);
    expectIssue('date-without-offset.mdx', 4, /time-zone offset/);
  });
  it('updated before date', () =>
    expectIssue('updated-before-date.mdx', 8, /"updated" is before the publication date/));
  it('unknown authors and sections', () => {
    expectIssue(
      'unknown-author-and-section.mdx',
      5,
      /no author file content\/authors\/nobody\.mdx/,
    );
    expectIssue('unknown-author-and-section.mdx', 6, /"sport", which is not declared/);
  });
  it('path traversal in slugs is refused', () => {
    expectIssue('slug-traversal.mdx', 5, /"authors\[0\]" must be an author slug/);
    expectIssue('slug-traversal.mdx', 8, /"redirectFrom\[0\]" must be an old article slug/);
    expectIssue('image-traversal.mdx', 8, /must not contain "\.\."/);
  });
  it('images must exist and have alt text', () => {
    expectIssue('missing-image.mdx', 8, /no file public\/images\/nope\.jpg/);
    expectIssue('image-without-alt.mdx', 2, /needs imageAlt/);
  });
  it('long headlines and summaries are warnings', () => {
    expectIssue('long-headline-and-summary.mdx', 2, /"title" is 151 characters/, 'warning');
    expectIssue('long-headline-and-summary.mdx', 3, /"summary" is 237 characters/, 'warning');
  });
  it('an old slug that is a live slug', () =>
    expectIssue(
      'redirect-to-live-slug.mdx',
      1,
      /lists "good-article", which is the slug of a live article/,
    ));
  it('canonical must be absolute', () =>
    expectIssue('bad-canonical.mdx', 8, /"canonical" must be an absolute URL/));
  it('broken YAML, no frontmatter, empty files, bad bytes and stray files', () => {
    expectIssue('bad-yaml.mdx', 3, /not valid YAML: Missing closing 'quote/);
    expectIssue('no-frontmatter.mdx', 1, /must start with a line containing only ---/);
    expectIssue('empty.mdx', 1, /the file is empty/);
    expectIssue('not-utf8.mdx', 1, /not valid UTF-8 text \(first bad byte at offset \d+\)/);
    expectIssue('notes.txt', 1, /must be a \.mdx file/);
  });
});

describe('MDX body checks', () => {
  it('invalid MDX names what was found and how to write it, with the parser message after', () =>
    expectIssue(
      'body-invalid-mdx.mdx',
      10,
      /^"<3" is not a tag or a link: .* \\< \\\{ \[MDX: Unexpected character `3`/,
    ));
  it('script, iframe, style and unknown HTML elements', () => {
    expectIssue('body-script-and-iframe.mdx', 10, /<script> is not allowed/);
    expectIssue('body-script-and-iframe.mdx', 12, /<iframe> is not allowed.*<Embed url/);
    expectIssue('body-script-and-iframe.mdx', 14, /<style> is not allowed/);
    expectIssue('body-script-and-iframe.mdx', 16, /<marquee> is not an HTML element/);
  });
  it('event handlers and style attributes', () => {
    expectIssue('body-handlers-and-style.mdx', 10, /"onerror" is an event handler/);
    expectIssue('body-handlers-and-style.mdx', 12, /"onMouseOver" is an event handler/);
    expectIssue('body-handlers-and-style.mdx', 12, /the style attribute is not allowed/);
  });
  it('javascript:, data: and vbscript: addresses', () => {
    expectIssue(
      'body-unsafe-urls.mdx',
      10,
      /the link "javascript:alert\(1\)" uses a javascript: address/,
    );
    expectIssue('body-unsafe-urls.mdx', 10, /the link "data:text\/html.*" uses a data: address/);
    expectIssue('body-unsafe-urls.mdx', 10, /the image "data:image\/png.*" uses a data: address/);
    expectIssue('body-unsafe-urls.mdx', 12, /vbscript: address/);
    expectIssue('body-unsafe-urls.mdx', 14, /" javascript:alert\(1\)" uses a javascript: address/);
  });
  it('import, export and expressions', () => {
    expectIssue('body-import-export-expression.mdx', 10, /import and export lines are not allowed/);
    expectIssue('body-import-export-expression.mdx', 12, /import and export lines are not allowed/);
    expectIssue('body-import-export-expression.mdx', 14, /\{1 \+ 1\} is a JavaScript expression/);
    expectIssue('body-import-export-expression.mdx', 16, /title=\{…\} is a JavaScript expression/);
  });
  it('unknown components and bad component attributes name the component and line', () => {
    expectIssue('body-components.mdx', 10, /unknown component <Gallery>/);
    expectIssue('body-components.mdx', 12, /<Figure> needs the attribute alt/);
    expectIssue(
      'body-components.mdx',
      14,
      /<Callout> type="danger" is not one of "note", "tip", "important", "warning", "caution"/,
    );
    expectIssue('body-components.mdx', 14, /<Callout> has no attribute "colour"/);
    expectIssue('body-components.mdx', 16, /<Embed> url must be a full https:\/\/ address/);
    expectIssue('body-components.mdx', 18, /<PullQuote> needs the attribute quote/);
  });
  it('internal links must reach pages that will exist', () => {
    expectIssue('body-broken-links.mdx', 10, /\/articles\/no-such-story is broken/);
    expectIssue('body-broken-links.mdx', 10, /\/authors\/nobody is broken/);
    expectIssue('body-broken-links.mdx', 11, /\/tags\/no-such-tag is broken/);
    expectIssue('body-broken-links.mdx', 11, /\/sections\/sport is broken/);
    expectIssue('body-broken-links.mdx', 11, /no public\/files\/report\.pdf/);
    expectIssue('body-broken-links.mdx', 12, /goes to a draft/, 'warning');
  });
  it('author bios are checked too', () => expectIssue('bad-bio.mdx', 4, /<script> is not allowed/));
});

describe('slugs on disk', () => {
  it('refuses names that differ only in case, and names that are not slugs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-check-'));
    try {
      fs.cpSync(path.join(fixture, 'content/sections.yaml'), path.join(dir, 'sections.yaml'));
      fs.cpSync(path.join(fixture, 'content/authors'), path.join(dir, 'authors'), {
        recursive: true,
      });
      fs.mkdirSync(path.join(dir, 'articles'));
      const good = fs.readFileSync(path.join(fixture, 'content/articles/html-in-frontmatter.mdx'));
      for (const name of ['my-story.mdx', 'My-Story.mdx', 'Bad Name.mdx']) {
        fs.writeFileSync(path.join(dir, 'articles', name), good);
      }
      const { issues } = await checkContent({ ...options, contentDir: dir });
      const messages = issues.map((issue) => `${path.basename(issue.file)}: ${issue.message}`);
      expect(messages).toContainEqual(
        expect.stringMatching(
          /^(my-story|My-Story)\.mdx: has the same slug as .*(My-Story|my-story)\.mdx apart from letter case/,
        ),
      );
      expect(messages).toContainEqual(
        expect.stringMatching(
          /^Bad Name\.mdx: the file name is the URL slug .* \(like bad-name\.mdx\)/,
        ),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the publication content', () => {
  it.each(severalDates())(
    'passes the check %s, and its live story is closed rather than idle',
    async (_, at) => {
      const own = await checkContent({
        contentDir: path.join(root, 'content'),
        publicDir: path.join(root, 'public'),
        now: at,
      });
      expect(own.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      expect(own.issues.filter((issue) => issue.message.startsWith('live coverage'))).toEqual([]);
    },
    180_000,
  );
});

describe('parallel parsing, the cache of unchanged bodies and single files', () => {
  it('gives the same report from worker threads, then takes unchanged bodies from the cache', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-check-parallel-'));
    try {
      generateCorpus({ articles: 60, dir });
      const first = path.join(dir, 'articles', fs.readdirSync(path.join(dir, 'articles'))[0] ?? '');
      fs.appendFileSync(first, '\n<Gallery />\n');
      const base = { contentDir: dir, publicDir: path.join(root, 'public'), now: now() };
      const cacheFile = path.join(dir, 'cache', 'check.json');
      const inProcess = await checkContent(base);
      let progress = 0;
      const parallel = await checkContent({
        ...base,
        workers: 2,
        cacheFile,
        onProgress: (done) => (progress = done),
      });
      expect(parallel.issues).toEqual(inProcess.issues);
      expect(parallel.issues.map((issue) => issue.message)).toContainEqual(
        expect.stringMatching(/^unknown component <Gallery>/),
      );
      expect(parallel.parsed).toBeGreaterThan(60);
      expect(parallel.fromCache).toBe(0);
      expect(progress).toBeGreaterThan(60);

      fs.appendFileSync(first, '\nOne more paragraph.\n');
      const warm = await checkContent({ ...base, workers: 2, cacheFile });
      expect(warm.issues).toEqual(inProcess.issues);
      expect(warm.parsed).toBe(1);
      expect(warm.fromCache).toBe(parallel.parsed - 1);

      const single = await checkContent({ ...base, cacheFile, only: [first] });
      expect(single.files).toBe(1);
      expect(single.parsed + single.fromCache).toBe(1);
      expect(single.issues.map((issue) => issue.file)).toEqual([
        path.join(path.basename(dir), 'articles', path.basename(first)),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
