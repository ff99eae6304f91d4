import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [folder = '.e2e-content', only] = process.argv.slice(2);
const target = path.join(root, folder);

fs.rmSync(target, { recursive: true, force: true });
fs.cpSync(path.join(root, 'content'), target, { recursive: true });
const fixtures = path.join(root, 'e2e', 'fixtures', 'content');
if (only !== '--content-only' && fs.existsSync(fixtures))
  fs.cpSync(fixtures, target, { recursive: true });
console.log(`e2e content: content/ + e2e/fixtures/content/ -> ${path.relative(root, target)}/`);
