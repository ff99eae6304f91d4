import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { deviceSizes, imageSizes } from '@/lib/image-widths';
import { cachePath, publicDir } from '@/lib/settings.js';
import { staticExport } from '@/lib/site';

export interface ImageSize {
  width: number;
  height: number;
}

const IMAGES = '/images/';
const cacheFile = cachePath('image-sizes.json');

// Sizes are read with sharp once per file content (the key is the file's hash) and kept on disk,
// so every build worker and every later build reuses them.
let known: Map<string, ImageSize> | undefined;
const pending = new Map<string, Promise<ImageSize | undefined>>();

function isEntry(entry: unknown): entry is [string, ImageSize] {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string') return false;
  const size: unknown = entry[1];
  return (
    typeof size === 'object' &&
    size !== null &&
    'width' in size &&
    'height' in size &&
    typeof size.width === 'number' &&
    typeof size.height === 'number'
  );
}

function diskCache(): Map<string, ImageSize> {
  if (!known) {
    try {
      const entries: unknown = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
      known = new Map(Array.isArray(entries) ? entries.filter(isEntry) : []);
    } catch {
      known = new Map();
    }
  }
  return known;
}

function remember(hash: string, size: ImageSize) {
  const cache = diskCache();
  cache.set(hash, size);
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.${Date.now()}`;
    fs.writeFileSync(temporary, JSON.stringify([...cache]));
    fs.renameSync(temporary, cacheFile);
  } catch {
    // Only an optimisation: the size is read again next time.
  }
}

/** The file under public/ that a site path such as /images/a.jpg names, if it exists. */
export function publicImageFile(src: string): string | undefined {
  if (!src.startsWith(IMAGES)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURI(src.split(/[?#]/)[0] ?? '');
  } catch {
    return undefined;
  }
  const file = path.join(publicDir, decoded);
  return file.startsWith(publicDir + path.sep) && fs.existsSync(/* turbopackIgnore: true */ file)
    ? file
    : undefined;
}

/** Intrinsic width and height (after EXIF rotation) of an image under public/images/. */
export function imageSize(src: string): Promise<ImageSize | undefined> {
  const file = publicImageFile(src);
  if (!file) return Promise.resolve(undefined);
  const stat = fs.statSync(/* turbopackIgnore: true */ file);
  const stamp = `${file}:${stat.size}:${stat.mtimeMs}`;
  let size = pending.get(stamp);
  if (!size) {
    size = (async () => {
      const bytes = fs.readFileSync(/* turbopackIgnore: true */ file);
      const hash = createHash('sha256').update(bytes).digest('base64url');
      const cached = diskCache().get(hash);
      if (cached) return cached;
      try {
        const { autoOrient } = await sharp(bytes).metadata();
        const measured = { width: autoOrient.width, height: autoOrient.height };
        remember(hash, measured);
        return measured;
      } catch {
        return undefined;
      }
    })();
    pending.set(stamp, size);
  }
  return size;
}

/** Every image under public/images/, as site paths. */
export function publicImages(): string[] {
  const root = path.join(publicDir, IMAGES);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(jpe?g|png|webp|avif)$/i.test(entry.name))
    .map((entry) => `/${path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`)
    .sort();
}

const TYPES: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** A copy of a public image at most `width` pixels wide, in the format of the original. */
export async function resizedImage(
  src: string,
  width: number,
): Promise<{ bytes: Buffer; type: string } | undefined> {
  const file = publicImageFile(src);
  if (!file || !Number.isInteger(width) || width <= 0) return undefined;
  const { data, info } = await sharp(file)
    .autoOrient()
    .resize({ width, withoutEnlargement: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, type: TYPES[info.format] ?? 'application/octet-stream' };
}

/** Every (width, image) pair the export's image loader can ask for. */
export function exportImageVariants(): { width: string; path: string[] }[] {
  if (!staticExport) return [];
  return publicImages().flatMap((src) =>
    [...imageSizes, ...deviceSizes].map((width) => ({
      width: String(width),
      path: src.slice(1).split('/'),
    })),
  );
}
