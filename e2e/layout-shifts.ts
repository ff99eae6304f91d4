import type { Page } from '@playwright/test';

/** Records every layout shift from the first paint on, with the nodes that moved. */
export async function observeLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: { value: number; hadRecentInput: boolean; nodes: string[] }[] = [];
    Reflect.set(window, '__layoutShifts', shifts);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const sources = (Reflect.get(entry, 'sources') ?? []) as { node?: Node }[];
        shifts.push({
          value: Number(Reflect.get(entry, 'value')),
          hadRecentInput: Boolean(Reflect.get(entry, 'hadRecentInput')),
          nodes: sources.map(({ node }) =>
            node instanceof Element ? `${node.tagName}.${node.className}` : String(node?.nodeName),
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export async function layoutShifts(page: Page) {
  return page.evaluate(
    () => Reflect.get(window, '__layoutShifts') as { value: number; hadRecentInput: boolean }[],
  );
}
