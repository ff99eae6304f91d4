// Prints search figures for a running build: node scripts/measure-search.mjs http://localhost:3114
import http from 'node:http';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://localhost:3114';
const queries = [
  'korea',
  'publishing',
  'Bryan Ke',
  'war ukraine',
  'corrections policy',
  'the',
  'sour',
  'zzzz',
];

function bytes(url, encoding) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'Accept-Encoding': encoding } }, (response) => {
        let total = 0;
        response.on('data', (chunk) => (total += chunk.length));
        response.on('end', () =>
          resolve({ total, encoding: response.headers['content-encoding'] ?? 'identity' }),
        );
      })
      .on('error', reject);
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const raw = await bytes(`${base}/search-index.json`, 'identity');
const gzip = await bytes(`${base}/search-index.json`, 'gzip');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
});
const page = await browser.newPage();
const indexResponse = page.waitForResponse((response) =>
  response.url().endsWith('/search-index.json'),
);
await page.goto(`${base}/search`);
const sizes = await (await indexResponse).request().sizes();
await page.waitForFunction(() => performance.getEntriesByName('search:index').length > 0);
const documents = await page.evaluate(
  async () => (await (await fetch('/search-index.json')).json()).documents.length,
);
const box = page.getByRole('searchbox', { name: 'Search stories' });
const rows = [];
for (const query of queries) {
  const times = [];
  for (let run = 0; run < 5; run++) {
    await box.fill('');
    await page.evaluate(() => performance.clearMeasures('search:query'));
    await box.fill(query);
    await page.waitForFunction(() => performance.getEntriesByName('search:query').length > 0);
    times.push(
      await page.evaluate(() => performance.getEntriesByName('search:query').at(-1).duration),
    );
  }
  const hits = await page
    .getByRole('list', { name: 'Search results' })
    .getByRole('listitem')
    .count();
  rows.push({ query, hits, medianMs: +median(times).toFixed(2) });
}
const indexMs = await page.evaluate(() => performance.getEntriesByName('search:index')[0].duration);
await browser.close();

console.log(`documents indexed:             ${documents}`);
console.log(`search-index.json uncompressed: ${raw.total} bytes`);
console.log(`search-index.json ${gzip.encoding}:         ${gzip.total} bytes`);
console.log(
  `transferred by the browser:     ${sizes.responseBodySize + sizes.responseHeadersSize} bytes (body ${sizes.responseBodySize})`,
);
console.log(`index build in the browser:     ${indexMs.toFixed(1)} ms (once per page load)`);
console.table(rows);
console.log(
  `median query time:              ${median(rows.map((row) => row.medianMs)).toFixed(2)} ms`,
);
