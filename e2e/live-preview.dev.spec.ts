import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { devContentDir } from '../playwright.dev.config';

// Every step edits the content copy and then loads the page once: the first response after the
// save must already show the change.
test.describe.configure({ mode: 'serial' });

const dir = path.resolve(devContentDir);
const file = (relative: string) => path.join(dir, relative);
const edit = (relative: string, change: (text: string) => string) =>
  fs.writeFileSync(file(relative), change(fs.readFileSync(file(relative), 'utf8')));

const newArticle = (title: string) => `---
title: '${title}'
summary: 'Written by the live-preview test; dated in the future so it leads the home page.'
date: 2099-01-02T10:00:00+00:00
authors: [ada-okafor]
section: newsroom
---

A paragraph written by the live-preview test.
`;

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  // The first request compiles the routes; later ones measure only the content reload.
  for (const url of ['/', '/articles/corrections-policy', '/authors/ada-okafor']) {
    expect((await request.get(url, { timeout: 170_000 })).status()).toBe(200);
  }
});

test('an edited headline and body show on the next load', async ({ page }) => {
  edit('articles/corrections-policy.mdx', (text) =>
    text
      .replace(/^title: .*$/m, 'title: "Corrections, edited while previewing"')
      .replace(/\n---\n/, '\n---\n\nA sentence added while previewing.\n'),
  );
  await page.goto('/articles/corrections-policy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Corrections, edited while previewing',
  );
  await expect(page.locator('.prose')).toContainText('A sentence added while previewing.');
});

test('an edited author and sections.yaml show on the next load', async ({ page }) => {
  edit('authors/ada-okafor.mdx', (text) => text.replace(/^name: .*$/m, 'name: Ada Okafor-Preview'));
  edit('sections.yaml', (text) => text.replace('name: Newsroom', 'name: Newsroom Desk'));
  await page.goto('/authors/ada-okafor');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ada Okafor-Preview');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toContainText('Newsroom Desk');
});

test('a new file appears and a deleted one is gone', async ({ page }) => {
  fs.writeFileSync(
    file('articles/added-while-previewing.mdx'),
    newArticle('Added while previewing'),
  );
  const added = await page.goto('/articles/added-while-previewing');
  expect(added?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Added while previewing');
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Added while previewing' }).first()).toBeVisible();

  fs.rmSync(file('articles/added-while-previewing.mdx'));
  const removed = await page.goto('/articles/added-while-previewing');
  expect(removed?.status()).toBe(404);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Added while previewing' })).toHaveCount(0);
});

test('a broken file shows its file:line:col error, and the page recovers once it is fixed', async ({
  page,
}) => {
  const original = fs.readFileSync(file('articles/corrections-policy.mdx'), 'utf8');
  edit('articles/corrections-policy.mdx', (text) => text.replace(/^authors:/m, 'autors:'));
  const line = original.split('\n').findIndex((text) => text.startsWith('authors:')) + 1;
  const response = await page.goto('/articles/corrections-policy');
  expect(response?.status()).toBe(500);
  // app/global-error.tsx shows the message once the error page has hydrated.
  await expect(
    page.getByText(
      `${path.basename(dir)}/articles/corrections-policy.mdx:${line}:1  error  unknown field "autors": did you mean "authors"?`,
    ),
  ).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Corrections, edited while previewing')).toHaveCount(0);

  fs.writeFileSync(file('articles/corrections-policy.mdx'), original);
  await page.goto('/articles/corrections-policy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Corrections, edited while previewing',
  );
});

test('a body the pipeline refuses shows its file:line:col error too', async ({ page }) => {
  const original = fs.readFileSync(file('articles/corrections-policy.mdx'), 'utf8');
  edit('articles/corrections-policy.mdx', (text) => `${text.trimEnd()}\n\n<Gallery />\n`);
  const line = fs
    .readFileSync(file('articles/corrections-policy.mdx'), 'utf8')
    .trimEnd()
    .split('\n').length;
  await page.goto('/articles/corrections-policy');
  await expect(
    page.getByText(
      `${path.basename(dir)}/articles/corrections-policy.mdx:${line}:1  error  unknown component <Gallery>`,
    ),
  ).toBeVisible({ timeout: 15_000 });
  fs.writeFileSync(file('articles/corrections-policy.mdx'), original);
  await page.goto('/articles/corrections-policy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Corrections, edited while previewing',
  );
});
