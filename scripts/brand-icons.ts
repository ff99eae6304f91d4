/**
 * Writes the favicon, app icon, Apple touch icon and the manifest's 192 px icon from the mark in
 * lib/og/card.tsx. Run it after changing the mark: `npx tsx scripts/brand-icons.ts`
 * (tests/icons.test.ts fails while the committed files differ from the mark).
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderIcons } from '@/lib/og/icons';

const root = path.resolve(import.meta.dirname, '..');
for (const [file, bytes] of await renderIcons()) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), bytes);
  console.log(`${file}  ${bytes.length} bytes`);
}
