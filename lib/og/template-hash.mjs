import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A hash of every file that decides how a card looks: the template and its helpers in lib/og/
 * and the fonts. next.config.js computes it once per build; card URLs and the on-disk card cache
 * are keyed by it, so changing the template or a font gives every card a new URL.
 */
export function cardTemplateHash(root) {
  const dir = path.join(root, 'lib', 'og');
  const hash = createHash('sha256');
  const walk = (folder) => {
    for (const entry of fs
      .readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(path.relative(dir, full)).update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}
