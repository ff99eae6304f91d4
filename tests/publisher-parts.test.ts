import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProblems } from '@/lib/publisher/check';
import { verifyWebhook } from '@/lib/publisher/http';
import { feedPaths, indexNow, webSubPing } from '@/lib/publisher/notify';
import { linkTarget, readState, swapLink, writeState } from '@/lib/publisher/state';
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

describe('content check report', () => {
  it('keeps each error with its file, line and column, and leaves warnings out', () => {
    const report = [
      'articles/a.mdx:4:7  error  "date" is not a date',
      'articles/b.mdx:2:1  warning  "title" is long',
      '2 files, 1 error, 1 warning',
    ].join('\n');
    expect(parseProblems(report)).toEqual([
      { file: 'articles/a.mdx', line: 4, column: 7, message: '"date" is not a date' },
    ]);
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
