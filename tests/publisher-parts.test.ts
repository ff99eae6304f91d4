import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobId, readManifest } from '@/lib/content/blobs';
import { checkRelease } from '@/lib/publisher/check';
import { extractTree } from '@/lib/publisher/git';
import { verifyWebhook } from '@/lib/publisher/http';
import { feedPaths, indexNow, webSubPing } from '@/lib/publisher/notify';
import { linkTarget, prune, readState, swapLink, writeState } from '@/lib/publisher/state';
import { temporaryDir } from './helpers/temporary-dir';

describe('webhook verification', () => {
  const body = Buffer.from('{"ref":"refs/heads/main"}');
  const signed = `sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`;

  it('accepts GitHub signatures made with the secret and GitLab tokens equal to it', () => {
    expect(verifyWebhook({ 'x-hub-signature-256': signed }, body, 's3cret')).toBe(true);
    expect(verifyWebhook({ 'x-gitlab-token': 's3cret' }, body, 's3cret')).toBe(true);
  });

  it('refuses another secret, a changed body, and no signature at all', () => {
    expect(verifyWebhook({ 'x-hub-signature-256': signed }, body, 'other')).toBe(false);
    expect(verifyWebhook({ 'x-hub-signature-256': signed }, Buffer.from('{}'), 's3cret')).toBe(
      false,
    );
    expect(verifyWebhook({ 'x-gitlab-token': 's3cre' }, body, 's3cret')).toBe(false);
    expect(verifyWebhook({}, body, 's3cret')).toBe(false);
  });
});

// The first check loads the Markdown pipeline and parses every body: seconds on a busy machine.
describe('the check of an incoming release', { timeout: 60_000 }, () => {
  const root = path.resolve(import.meta.dirname, '..');
  const releases = temporaryDir();
  const cacheFile = path.join(temporaryDir(), 'verdicts.json');
  const release = (name: string, edit?: (text: string) => string) => {
    const dir = path.join(releases, name);
    fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
    const file = path.join(dir, 'articles', 'corrections-policy.mdx');
    if (edit) fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
    return dir;
  };
  const options = { root, contentPath: 'content', cacheFile };

  it('names each error by its path in the repository, line and column', async () => {
    const verdict = await checkRelease(
      release('c0ffee', (text) => text.replace(/^date: .*$/m, 'date: next tuesday')),
      options,
    );
    expect(verdict.problems[0]).toMatchObject({
      file: 'content/articles/corrections-policy.mdx',
      line: 4,
      column: 7,
      message: expect.stringContaining('"date" must be a date'),
    });
    // The story no longer loads, so the links to it are broken too, each where it is.
    expect(verdict.problems.slice(1).map((p) => p.message)).toContain(
      'the link /articles/corrections-policy is broken: there is no article "corrections-policy"',
    );
  });

  it('parses only the bodies a new release changed: the verdicts are shared between releases', async () => {
    const first = await checkRelease(release('a1'), options);
    expect(first.problems).toEqual([]);
    const edited = await checkRelease(
      release('b2', (text) => `${text}\nOne more sentence in the body.\n`),
      options,
    );
    expect(edited.problems).toEqual([]);
    expect([edited.parsed, edited.fromCache]).toEqual([1, first.parsed + first.fromCache - 1]);
  });
});

describe('search engine notices', () => {
  it('sends IndexNow one batch with the key and where it is served', () => {
    const delivery = indexNow(
      'https://api.indexnow.org/indexnow',
      'k'.repeat(16),
      new URL('https://news.example'),
      ['https://news.example/articles/a'],
    );
    expect(JSON.parse(String(delivery.init.body))).toEqual({
      host: 'news.example',
      key: 'k'.repeat(16),
      keyLocation: `https://news.example/${'k'.repeat(16)}.txt`,
      urlList: ['https://news.example/articles/a'],
    });
  });

  it('pings the hub with hub.mode=publish for each changed feed only', () => {
    expect(
      feedPaths(['/', '/feed.xml', '/sections/world/atom.xml', '/articles/a', '/feed.json']),
    ).toEqual(['/feed.xml', '/sections/world/atom.xml', '/feed.json']);
    const ping = new URLSearchParams(
      String(webSubPing('https://hub.example', 'https://n.example/feed.xml').init.body),
    );
    expect([ping.get('hub.mode'), ping.get('hub.url')]).toEqual([
      'publish',
      'https://n.example/feed.xml',
    ]);
  });
});

describe('state and release link', () => {
  it('swaps the link in one rename and keeps the state whole across writes', () => {
    const dir = temporaryDir();
    for (const name of ['one', 'two'])
      fs.mkdirSync(path.join(dir, 'releases', name), { recursive: true });
    const link = path.join(dir, 'current');
    swapLink(link, path.join(dir, 'releases', 'one'));
    swapLink(link, path.join(dir, 'releases', 'two'));
    expect(linkTarget(link)).toBe('two');
    expect(fs.readlinkSync(link)).toBe(path.join('releases', 'two'));
    const file = path.join(dir, 'state.json');
    expect(readState(file).history).toEqual([]);
    writeState(file, {
      published: 'two',
      since: '2026-12-06T01:00:00.000Z',
      next: null,
      history: [],
    });
    expect(readState(file).published).toBe('two');
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });
});

describe('a release extracted from the repository', () => {
  it('is listed beside its folder with each blob id, shares unchanged files, and is pruned with it', async () => {
    const dir = temporaryDir();
    const work = path.join(dir, 'work');
    fs.cpSync(path.resolve(import.meta.dirname, '..', 'content'), path.join(work, 'content'), {
      recursive: true,
    });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=E', '-c', 'user.email=e@example.org', ...args], {
        cwd: work,
        encoding: 'utf8',
      }).trim();
    git('init', '--quiet');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'first');
    const first = git('rev-parse', 'HEAD');
    fs.appendFileSync(
      path.join(work, 'content', 'articles', 'corrections-policy.mdx'),
      '\nMore.\n',
    );
    git('commit', '--quiet', '-am', 'second');
    const second = git('rev-parse', 'HEAD');
    const releases = path.join(dir, 'releases');
    fs.mkdirSync(releases);
    const gitDir = path.join(work, '.git');
    await extractTree(gitDir, first, 'content', path.join(releases, first));
    const target = path.join(releases, second);
    await extractTree(gitDir, second, 'content', target, path.join(releases, first));
    const listed = readManifest(target);
    const onDisk = fs
      .readdirSync(target, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(target, path.join(entry.parentPath, entry.name)));
    expect([...(listed?.keys() ?? [])].sort()).toEqual(onDisk.sort());
    for (const file of onDisk) {
      expect(listed?.get(file)).toBe(blobId(fs.readFileSync(path.join(target, file))));
    }
    const edited = 'articles/corrections-policy.mdx';
    expect(readManifest(path.join(releases, first))?.get(edited)).not.toBe(listed?.get(edited));
    // The second release shares the first's unchanged files (hard links) and has its own edited one.
    const inode = (release: string, file: string) =>
      fs.statSync(path.join(releases, release, file)).ino;
    const shared = onDisk.filter((file) => inode(first, file) === inode(second, file));
    expect(shared.sort()).toEqual(onDisk.filter((file) => file !== edited).sort());
    fs.utimesSync(path.join(releases, first), 1, 1);
    prune(releases, 1, []);
    expect(fs.readdirSync(releases).sort()).toEqual([second, `${second}.blobs`].sort());
  });
});
