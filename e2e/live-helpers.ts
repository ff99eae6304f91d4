import type { Page } from '@playwright/test';

/** How many requests the page has made for a live story's updates JSON. */
export function countLiveRequests(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.url().includes('/api/live/')) count++;
  });
  return () => count;
}
