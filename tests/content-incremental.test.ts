import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { now } from '@/lib/clock';
import { judgeBody } from '@/lib/content/body';
import { formatIssue } from '@/lib/content/issues';
import { loadContent } from '@/lib/content/load';
import { AUTHOR, article, makeContent } from './helpers/content-fixture';
import { temporaryDir } from './helpers/temporary-dir';

const HOUR = 3_600_000;
const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
const NOW = new Date(Math.floor(now().getTime() / 1000) * 1000);

/**
 * An author and six stories whose bytes no other test has: the memo is per process, and shared
 * with whatever else runs in it.
 */
function content(tag: string): Record<string, string> {
  const run = `${tag} ${NOW.getTime()} ${Math.random().toString(36).slice(2)}`;
  return {
    'authors/ada-writer.mdx': `${AUTHOR}(${run})\n`,
    ...Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [
        `articles/story-${i + 1}.mdx`,
        article(
          { title: `"Story ${i + 1} ${run}"`, date: iso(new Date(NOW.getTime() - (i + 1) * HOUR)) },
          `Body of story ${i + 1}, [a link](/articles/story-${((i + 1) % 6) + 1}).\n`,
        ),
      ]),
    ),
  };
}

/** A release folder `<root>/<name>`, with the list of blob ids the publisher writes beside it. */
function release(root: string, name: string, files: Record<string, string>, manifest = true) {
  const { contentDir, publicDir } = makeContent(files);
  const dir = path.join(root, name);
  fs.renameSync(contentDir, dir);
  if (manifest) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir });
    git('init', '--quiet');
    git('add', '-A');
    git('-c', 'user.name=E', '-c', 'user.email=e@example.org', 'commit', '--quiet', '-m', name);
    fs.writeFileSync(`${dir}.blobs`, git('ls-tree', '-r', '-z', 'HEAD'));
    fs.rmSync(path.join(dir, '.git'), { recursive: true });
  }
  return { contentDir: dir, publicDir };
}

// As the server loads a release: with the verdict cache the content check fills.
const cacheFile = path.join(temporaryDir(), 'verdicts.json');
const load = (folder: { contentDir: string; publicDir: string }, at = NOW) =>
  loadContent({ ...folder, now: at, judge: judgeBody, cacheFile });

const headlines = (loaded: ReturnType<typeof load>) => loaded.articles.map((a) => a.title);

describe('loading a new release', () => {
  it('reads and parses only the files a release changed when the publisher listed their ids', () => {
    const root = temporaryDir();
    const stories = content('a');
    const first = load(release(root, 'aaaa', stories));
    expect(first.issues).toEqual([]);
    expect([first.read, first.parsed]).toEqual([7, 7]);
    const edited = {
      ...stories,
      'articles/story-2.mdx': article(
        { title: '"Story 2, edited"', date: iso(new Date(NOW.getTime() - 2 * HOUR)) },
        'The edited body.\n',
      ),
    };
    const second = load(release(root, 'bbbb', edited));
    expect([second.read, second.parsed]).toEqual([1, 1]);
    expect(headlines(second)).toEqual(
      headlines(first).map((title, i) => (i === 1 ? 'Story 2, edited' : title)),
    );
    // Each story is its own release's: its file, and its body read from that folder.
    expect(second.articles[0]?.file).toBe('bbbb/articles/story-1.mdx');
    expect(second.articles[1]?.body.trim()).toBe('The edited body.');
    expect(first.articles[1]?.body).toContain('Body of story 2');
  });

  it('reads every file of a folder without a list, and parses only those it has not seen', () => {
    const root = temporaryDir();
    const stories = content('b');
    load(release(root, 'first', stories, false));
    const renamed = { ...stories, 'articles/story-7.mdx': stories['articles/story-1.mdx'] ?? '' };
    const again = load(release(root, 'second', renamed, false));
    expect([again.files, again.read, again.parsed]).toEqual([9, 8, 0]);
    expect(again.articles.map((a) => a.slug)).toContain('story-7');
  });

  it('names problems of a file parsed before by the release that has it now', () => {
    const root = temporaryDir();
    const broken = { ...content('c'), 'articles/story-3.mdx': article({ date: 'next tuesday' }) };
    load(release(root, 'c1', broken));
    const again = load(release(root, 'c2', broken));
    expect(again.parsed).toBe(0);
    expect(again.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^c2\/articles\/story-3\.mdx:4:7 {2}error {2}"date" must be a date/),
    ]);
  });

  it('resolves unchanged stories again against the authors and sections of the new release', () => {
    const root = temporaryDir();
    const stories = content('d');
    load(release(root, 'd1', stories));
    const renamed = (stories['authors/ada-writer.mdx'] ?? '').replace('Ada Writer', 'Ada Renamed');
    const second = load(release(root, 'd2', { ...stories, 'authors/ada-writer.mdx': renamed }));
    expect([second.read, second.parsed]).toEqual([1, 1]);
    expect(second.articles.map((a) => a.authors[0]?.name)).toEqual(Array(6).fill('Ada Renamed'));
    const third = release(root, 'd3', stories);
    fs.rmSync(path.join(third.contentDir, 'authors', 'ada-writer.mdx'));
    const gone = load(third);
    expect([gone.parsed, gone.articles]).toEqual([0, []]);
    expect(gone.issues[0]?.message).toContain('"authors" names "ada-writer"');
  });

  it('judges the time again at each load: status, and a live update no longer in the future', () => {
    const root = temporaryDir();
    const run = Math.random().toString(36).slice(2);
    const soon = new Date(NOW.getTime() + 60_000);
    const start = new Date(NOW.getTime() - HOUR);
    const live = article(
      { title: `"Live ${run}"`, date: iso(start), live: `{ start: ${iso(start)} }` },
      `Intro.\n\n<Update time="${iso(soon)}" title="Soon">Later.</Update>\n`,
    );
    const scheduled = article({ title: `"Later ${run}"`, date: iso(soon) });
    const folder = release(root, 'e1', {
      'articles/live.mdx': live,
      'articles/later.mdx': scheduled,
    });
    const before = load(folder);
    expect(before.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('is in the future'),
    ]);
    expect(before.articles.find((a) => a.slug === 'later')?.status).toBe('scheduled');
    const after = load(folder, new Date(soon.getTime() + 1000));
    expect(after.parsed).toBe(0);
    expect(after.issues).toEqual([]);
    expect(after.articles.find((a) => a.slug === 'live')?.live?.updates).toHaveLength(1);
    expect(after.articles.find((a) => a.slug === 'later')?.status).toBe('published');
  });
});
