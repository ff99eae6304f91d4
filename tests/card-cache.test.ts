import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cardTemplateHash } from '@/lib/og/template-hash.mjs';

const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-card-cache-test-'));
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-template-test-'));
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.rmSync(copy, { recursive: true, force: true });
});

describe('card hashes and the card cache', { timeout: 30_000 }, () => {
  it('changes the template hash when the template source or a font changes', () => {
    fs.cpSync(path.join(process.cwd(), 'lib', 'og'), path.join(copy, 'lib', 'og'), {
      recursive: true,
    });
    const original = cardTemplateHash(copy);
    expect(cardTemplateHash(copy)).toBe(original);
    expect(original).toBe(cardTemplateHash(process.cwd()));
    const template = path.join(copy, 'lib', 'og', 'card.tsx');
    fs.appendFileSync(template, '\n');
    const edited = cardTemplateHash(copy);
    expect(edited).not.toBe(original);
    fs.appendFileSync(
      path.join(copy, 'lib', 'og', 'fonts', 'NotoSansKR-Bold.ttf'),
      Buffer.from([0]),
    );
    expect(cardTemplateHash(copy)).not.toBe(edited);
  });

  it('renders a card once and reads it from disk afterwards', async () => {
    vi.stubEnv('CARD_CACHE_DIR', cacheDir);
    vi.resetModules();
    const { cachedCard } = await import('@/lib/og/cache');
    const { allCards } = await import('@/lib/og/cards');
    const card = allCards().find((entry) => entry.kind === 'article' && !entry.image);
    if (!card) throw new Error('no article card');
    const first = await cachedCard(card, 'og');
    expect(first.subarray(1, 4).toString()).toBe('PNG');
    const file = path.join(cacheDir, `article-${card.hash}-og.png`);
    const written = fs.statSync(file).mtimeMs;
    const second = await cachedCard(card, 'og');
    expect(second.equals(first)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(written);
    expect(fs.readdirSync(cacheDir)).toEqual([`article-${card.hash}-og.png`]);
  });
});
