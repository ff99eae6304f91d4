import path from 'node:path';
import { checkContent, formatReport } from '../lib/content/check';

const contentDir = path.resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const publicDir = path.resolve(process.argv[3] ?? 'public');

const result = checkContent({ contentDir, publicDir, now: new Date() });
console.log(formatReport(result));
process.exitCode = result.errors > 0 ? 1 : 0;
