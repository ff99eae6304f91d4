import { z } from 'zod';

const answer = z.object({
  everything: z.boolean().default(false),
  changed: z.array(z.string()),
  revalidated: z.number(),
  paths: z.array(z.string()),
  release: z.string(),
  at: z.string(),
  /** Seconds the server spent loading the release and purging the edge. */
  loadSeconds: z.number().optional(),
  purgeSeconds: z.number().optional(),
  next: z.string().nullable(),
});

export type HookAnswer = z.infer<typeof answer>;

const TIMEOUT_MS = 120_000;

/**
 * Publishes through the server's revalidate hook (app/api/revalidate): it compares the stories
 * visible in release `from` at `since` with those visible now and revalidates what differs. With
 * several instances, one call is enough: the shared cache carries it to every instance.
 */
export async function revalidate(
  server: { url: string; token: string },
  body: { from: string; since: string },
): Promise<HookAnswer> {
  const url = new URL('/api/revalidate', server.url);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(
      `the revalidate hook at ${url.href} did not answer (${String(error)}); will retry`,
    );
  }
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `the revalidate hook at ${url.href} answered ${response.status}: ${text.slice(0, 300)}`,
    );
  }
  return answer.parse(JSON.parse(text));
}
