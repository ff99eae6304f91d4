import sharp from 'sharp';
import { renderLogo } from './card';

/** The icon files Next's file conventions pick up (app/), drawn from the publication's mark. */
export const ICON_FILES = {
  'app/icon.png': 32,
  'app/apple-icon.png': 180,
  'public/brand/icon-192.png': 192,
} as const;

export const FAVICON_SIZES = [16, 32, 48] as const;

async function markPng(size: number): Promise<Buffer> {
  const mark = Buffer.from(await renderLogo().arrayBuffer());
  return sharp(mark).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}

// An .ico file is a directory of images; since Windows Vista each may be a PNG.
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** Every icon file, by path from the repository root. */
export async function renderIcons(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const [file, size] of Object.entries(ICON_FILES)) files.set(file, await markPng(size));
  const favicon = await Promise.all(
    FAVICON_SIZES.map(async (size) => ({ size, png: await markPng(size) })),
  );
  files.set('app/favicon.ico', ico(favicon));
  return files;
}
