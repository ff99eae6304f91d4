/**
 * Asks an origin once for each kind of response (a listing, a story, its card and share JSON,
 * feeds, sitemaps), so that what it builds on a first request (route modules, the renderers,
 * the proxy's listings and keys) is built before it is given traffic
 * (docs/decisions/0320-origins-warmed-before-traffic.md). Returns the paths asked.
 */
export async function warmOrigin(origin: string): Promise<string[]> {
  const asked: string[] = [];
  const get = async (pathname: string) => {
    asked.push(pathname);
    const response = await fetch(new URL(pathname, origin));
    if (response.status >= 500) {
      throw new Error(`${origin}${pathname} answered ${response.status} while warming up`);
    }
    return response.text();
  };
  const home = await get('/');
  const article = /href="(\/articles\/[^"/?#]+)"/.exec(home)?.[1];
  const section = /href="(\/sections\/[^"/?#]+)"/.exec(home)?.[1];
  if (article) {
    const card = /<meta property="og:image" content="([^"]+)"/.exec(await get(article))?.[1];
    await get(`/api/share/${article.slice('/articles/'.length)}.json`);
    if (card) await get(new URL(card).pathname);
  }
  if (section) await get(section);
  for (const pathname of ['/robots.txt', '/feed.xml', '/sitemap.xml']) await get(pathname);
  return asked;
}
