import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FAVICON_SIZES, ICON_FILES, renderIcons } from '@/lib/og/icons';

const root = path.resolve(import.meta.dirname, '..');

describe('icons', () => {
  it('are the committed files drawn from the current mark (run scripts/brand-icons.ts after changing it)', async () => {
    for (const [file, bytes] of await renderIcons()) {
      expect(fs.readFileSync(path.join(root, file)).equals(bytes), file).toBe(true);
    }
  }, 60_000);

  it('have the sizes their names promise', async () => {
    for (const [file, size] of Object.entries(ICON_FILES)) {
      const meta = await sharp(path.join(root, file)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', size, size]);
    }
    const ico = fs.readFileSync(path.join(root, 'app/favicon.ico'));
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, FAVICON_SIZES.length]);
    const sizes = FAVICON_SIZES.map((_, index) => ico.readUInt8(6 + 16 * index));
    expect(sizes).toEqual([...FAVICON_SIZES]);
    for (let index = 0; index < FAVICON_SIZES.length; index++) {
      const offset = ico.readUInt32LE(6 + 16 * index + 12);
      const length = ico.readUInt32LE(6 + 16 * index + 8);
      const meta = await sharp(ico.subarray(offset, offset + length)).metadata();
      expect(meta.width).toBe(FAVICON_SIZES[index]);
    }
  });
});
