import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A push webhook is genuine when GitHub's X-Hub-Signature-256 is the HMAC-SHA256 of the body with
 * the shared secret, or GitLab's X-Gitlab-Token is the secret itself.
 */
export function verifyWebhook(
  headers: http.IncomingHttpHeaders,
  body: Buffer,
  secret: string,
): boolean {
  const signature = headers['x-hub-signature-256'];
  if (typeof signature === 'string') {
    const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    return same(signature, expected);
  }
  const token = headers['x-gitlab-token'];
  return typeof token === 'string' && same(token, secret);
}

function answer(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(`${JSON.stringify(body, null, 2)}\n`);
}

function readBody(request: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_WEBHOOK_BYTES) {
        resolve(undefined);
        request.removeAllListeners('data');
        request.resume();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export interface Endpoints {
  webhookSecret?: string;
  statusToken?: string;
  /** A genuine push arrived: fetch now. Its payload is not used. */
  onPush: () => void;
  status: () => unknown;
}

async function handle(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  endpoints: Endpoints,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://publisher');
  if (url.pathname === '/hooks/git') {
    if (request.method !== 'POST') return answer(response, 405, { error: 'use POST' });
    if (!endpoints.webhookSecret) {
      return answer(response, 404, {
        error: 'the webhook is off: PUBLISHER_WEBHOOK_SECRET is not set',
      });
    }
    if (Number(request.headers['content-length'] ?? 0) > MAX_WEBHOOK_BYTES) {
      response.setHeader('Connection', 'close');
      return answer(response, 413, { error: 'the body is over 1 MB' });
    }
    const body = await readBody(request);
    if (!body) return answer(response, 413, { error: 'the body is over 1 MB' });
    if (!verifyWebhook(request.headers, body, endpoints.webhookSecret)) {
      return answer(response, 401, {
        error: 'not signed with the webhook secret (X-Hub-Signature-256 or X-Gitlab-Token)',
      });
    }
    endpoints.onPush();
    return answer(response, 202, { accepted: true, action: 'fetching the branch' });
  }
  if (url.pathname === '/status') {
    if (!endpoints.statusToken) {
      return answer(response, 404, { error: 'status is off: PUBLISHER_STATUS_TOKEN is not set' });
    }
    if (!same(request.headers.authorization ?? '', `Bearer ${endpoints.statusToken}`)) {
      return answer(response, 401, { error: 'a valid bearer token is required' });
    }
    return answer(response, 200, endpoints.status());
  }
  return answer(response, 404, { error: 'not found: POST /hooks/git or GET /status' });
}

export function startHttp(port: number, endpoints: Endpoints): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    handle(request, response, endpoints).catch((error: unknown) => {
      console.error('publisher: request failed', error);
      if (!response.headersSent) answer(response, 500, { error: 'internal error' });
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
