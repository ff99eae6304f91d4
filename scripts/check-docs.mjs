// @ts-check
// `npm run docs:check`: every relative link in README.md and docs/ points to a file that exists
// (and to a heading that exists, for a link into a Markdown file), and every `npm run <script>`
// they name is a script in package.json. Prints one line per problem, `file:line  message`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import GithubSlugger from 'github-slugger';

/** @typedef {{ file: string; line: number; message: string }} DocProblem */

/**
 * The text with fenced code blocks blanked (lines kept, so line numbers still count).
 * @param {string} text
 */
function withoutFences(text) {
  let fence = '';
  return text
    .split('\n')
    .map((/** @type {string} */ line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (!fence || marker.startsWith(fence))) {
        fence = fence ? '' : marker;
        return '';
      }
      return fence ? '' : line;
    })
    .join('\n');
}

const withoutCodeSpans = (/** @type {string} */ line) => line.replace(/(`+)[^`]*?\1/g, '');

/**
 * The anchors GitHub gives the headings of a Markdown text.
 * @param {string} text
 */
export function headingAnchors(text) {
  const slugger = new GithubSlugger();
  const anchors = new Set();
  for (const line of withoutFences(text).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const plain = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]/g, '')
      .replace(/<[^>]+>/g, '');
    anchors.add(slugger.slug(plain));
  }
  return anchors;
}

/**
 * Link targets with their line numbers: inline links and images, and reference definitions.
 * @param {string} text
 */
export function linkTargets(text) {
  /** @type {{ target: string; line: number }[]} */
  const targets = [];
  withoutFences(text)
    .split('\n')
    .forEach((/** @type {string} */ raw, /** @type {number} */ index) => {
      const line = withoutCodeSpans(raw);
      for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        targets.push({ target: match[1] ?? '', line: index + 1 });
      }
      const reference = /^\s{0,3}\[[^\]]+\]:\s+<?(\S+?)>?(?:\s|$)/.exec(line);
      if (reference) targets.push({ target: reference[1] ?? '', line: index + 1 });
    });
  return targets;
}

/**
 * `npm run <name>` mentions, code included (that is where commands are written).
 * @param {string} text
 */
export function npmScripts(text) {
  /** @type {{ name: string; line: number }[]} */
  const found = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/\bnpm run ([\w:.-]+)/g)) {
      found.push({ name: match[1] ?? '', line: index + 1 });
    }
  });
  return found;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The problems of one Markdown file.
 * @param {string} file the file's path relative to the repository, e.g. docs/writing.md
 * @param {string} text its text
 * @param {{ exists: (file: string) => boolean, read: (file: string) => string, scripts: Set<string> }} repo
 * @returns {DocProblem[]}
 */
export function checkDocument(file, text, repo) {
  /** @type {DocProblem[]} */
  const problems = [];
  for (const { target, line } of linkTargets(text)) {
    if (EXTERNAL.test(target)) continue;
    const hash = target.indexOf('#');
    const filePart = hash === -1 ? target : target.slice(0, hash);
    const anchor = hash === -1 ? '' : decodeURIComponent(target.slice(hash + 1));
    let linked = file;
    if (filePart) {
      linked = path.posix.normalize(
        filePart.startsWith('/')
          ? filePart.slice(1)
          : path.posix.join(path.posix.dirname(file), decodeURI(filePart)),
      );
      if (linked.startsWith('..') || !repo.exists(linked)) {
        problems.push({ file, line, message: `link to ${target}: ${linked} does not exist` });
        continue;
      }
    }
    if (!anchor || !linked.endsWith('.md')) continue;
    if (!headingAnchors(linked === file ? text : repo.read(linked)).has(anchor)) {
      problems.push({
        file,
        line,
        message: `link to ${target}: ${linked} has no heading #${anchor}`,
      });
    }
  }
  for (const { name, line } of npmScripts(text)) {
    if (!repo.scripts.has(name)) {
      problems.push({
        file,
        line,
        message: `"npm run ${name}": package.json has no script "${name}"`,
      });
    }
  }
  return problems;
}

/**
 * README.md and every Markdown file under docs/, relative to the repository.
 * @param {string} root
 */
export function documentFiles(root) {
  const files = ['README.md'];
  const walk = (/** @type {string} */ dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const name = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(name);
      else if (entry.name.endsWith('.md')) files.push(name);
    }
  };
  if (fs.existsSync(path.join(root, 'docs'))) walk('docs');
  return files;
}

/**
 * @param {string} root
 * @returns {DocProblem[]}
 */
export function checkDocs(root) {
  const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const repo = {
    exists: (/** @type {string} */ file) => fs.existsSync(path.join(root, file)),
    read: (/** @type {string} */ file) => fs.readFileSync(path.join(root, file), 'utf8'),
    scripts: new Set(Object.keys(packageJson.scripts ?? {})),
  };
  return documentFiles(root).flatMap((file) => checkDocument(file, repo.read(file), repo));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(import.meta.dirname, '..');
  const files = documentFiles(root);
  const problems = checkDocs(root);
  for (const problem of problems) {
    console.error(`${problem.file}:${problem.line}  error  ${problem.message}`);
  }
  console.log(`${files.length} documents, ${problems.length} problems`);
  if (problems.length > 0) process.exit(1);
}
