import type { Page } from '@playwright/test';

export interface SearchRecord {
  url: string;
  content: string;
}

/**
 * What the built Pagefind index holds for the stories each term finds: the record's full text,
 * as a reader's browser would receive it. Loads /search first.
 */
export async function searchRecords(page: Page, terms: string[]): Promise<SearchRecord[]> {
  await page.goto('/search');
  return page.evaluate(async (words) => {
    const url = '/pagefind/pagefind.js';
    const pagefind = (await import(url)) as {
      init(): Promise<void>;
      search(
        term: string,
      ): Promise<{ results: { data(): Promise<{ url: string; content: string }> }[] }>;
    };
    await pagefind.init();
    const found: { url: string; content: string }[] = [];
    for (const word of words) {
      const { results } = await pagefind.search(word);
      found.push(...(await Promise.all(results.map((result) => result.data()))));
    }
    return found;
  }, terms);
}
