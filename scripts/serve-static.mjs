// A plain static file server, standing in for any static host or CDN: it maps /a/b to a/b,
// a/b.html or a/b/index.html (what Netlify, Cloudflare Pages or nginx's try_files do), sends the
// right content type, and answers unknown paths with 404.html and status 404.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { settings } from '../lib/settings.js';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

// Feeds are named by what they are, not by a file extension of their own; a CDN needs the same
// three rules (see docs/deployment.md).
const FEED_TYPES = {
  'feed.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
};

export function contentType(file) {
  return (
    FEED_TYPES[path.basename(file)] ??
    CONTENT_TYPES[path.extname(file).toLowerCase()] ??
    'application/octet-stream'
  );
}

function resolveFile(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const base = path.resolve(root, '.' + path.posix.normalize(decoded));
  if (base !== root && !base.startsWith(root + path.sep)) return undefined;
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

// The 404.html nearest the path asked for (ko/404.html for /ko/…: each language's not-found page),
// as Cloudflare Pages does; the root's otherwise.
function nearestNotFoundPage(root, pathname) {
  let folders;
  try {
    folders = path.posix.normalize(decodeURIComponent(pathname)).split('/').filter(Boolean);
  } catch {
    folders = [];
  }
  for (let depth = folders.length - 1; depth >= 0; depth--) {
    const file = path.resolve(root, ...folders.slice(0, depth), '404.html');
    if (file.startsWith(root + path.sep) && fs.existsSync(file)) return file;
  }
  return undefined;
}

export function createStaticServer(rootDir) {
  const root = path.resolve(rootDir);
  return http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    let file = resolveFile(root, pathname);
    let status = 200;
    if (!file) {
      status = 404;
      file = nearestNotFoundPage(root, pathname);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
    }
    const body = fs.readFileSync(file);
    res.writeHead(status, {
      'content-type': contentType(file),
      'content-length': body.length,
      'cache-control': file.includes(`${path.sep}_next${path.sep}static${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=0, must-revalidate',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'out', portArg = String(settings.PORT ?? 3000)] = process.argv.slice(2);
  if (!fs.existsSync(dir)) {
    console.error(`serve-static: ${dir}/ does not exist; run npm run export first`);
    process.exit(1);
  }
  const port = Number(portArg);
  createStaticServer(dir).listen(port, () => {
    console.log(`serve-static: ${path.resolve(dir)} at http://localhost:${port}`);
  });
}
