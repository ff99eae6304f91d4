import { describe, expect, it } from 'vitest';
import { classifyEmbed } from '@/lib/embed';
import { jsonError, methodNotAllowed, notFoundResponse } from '@/lib/http';
import { parseSettings, siteUrlCheck } from '@/lib/settings.js';
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  isTrustedInlineScript,
  sha256Source,
} from '@/lib/security';
import { THEME_SCRIPT } from '@/lib/theme';

describe('inline script hashing', () => {
  it('trusts only the theme script and Next bootstrap data pushes', () => {
    expect(isTrustedInlineScript(THEME_SCRIPT)).toBe(true);
    expect(isTrustedInlineScript('(self.__next_f=self.__next_f||[]).push([0])')).toBe(true);
    expect(isTrustedInlineScript('self.__next_f.push([1,"0:[\\"$\\",\\"div\\"]\\n"])')).toBe(true);
    expect(
      isTrustedInlineScript(
        '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["a.js"]});',
      ),
    ).toBe(true);
    expect(isTrustedInlineScript('alert(1)')).toBe(false);
    expect(
      isTrustedInlineScript('self.__next_f.push([1,"x"]);alert(1);self.__next_f.push([1,"y"])'),
    ).toBe(false);
    expect(isTrustedInlineScript('self.__next_f.push(alert(1))')).toBe(false);
  });

  it('hashes trusted inline scripts and skips external and injected ones', () => {
    const html = `<script src="/_next/a.js"></script><script>${THEME_SCRIPT}</script><script>alert(1)</script><script>self.__next_f.push([1,"a"])</script>`;
    expect(inlineScriptHashes(html)).toEqual([
      sha256Source(THEME_SCRIPT),
      sha256Source('self.__next_f.push([1,"a"])'),
    ]);
    expect(sha256Source('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  it('builds a policy without unsafe-inline scripts or eval', () => {
    const csp = contentSecurityPolicy({
      scriptHashes: ["'sha256-x'"],
      https: true,
    });
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1];
    expect(scriptSrc).toBe(`'self' ${sha256Source(THEME_SCRIPT)} 'sha256-x'`);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ scriptHashes: [], https: false })).not.toContain(
      'upgrade-insecure-requests',
    );
  });
});

describe('classifyEmbed', () => {
  it.each([
    ['https://www.youtube.com/watch?v=M7lc1UVf-VE', { kind: 'youtube', id: 'M7lc1UVf-VE' }],
    ['https://youtu.be/M7lc1UVf-VE', { kind: 'youtube', id: 'M7lc1UVf-VE' }],
    ['https://www.youtube.com/shorts/M7lc1UVf-VE', { kind: 'youtube', id: 'M7lc1UVf-VE' }],
    [
      'https://twitter.com/someone/status/123',
      { kind: 'post', author: 'someone', url: 'https://x.com/someone/status/123' },
    ],
    ['/articles/corrections-policy', { kind: 'article', slug: 'corrections-policy' }],
    ['https://example.org/a?b=c', { kind: 'link', host: 'example.org' }],
    ['https://www.youtube.com/watch?v=bad', { kind: 'link', host: 'youtube.com' }],
  ])('%s', (url, expected) => {
    expect(classifyEmbed(url)).toMatchObject(expected);
  });

  it('refuses unsafe addresses', () => {
    expect(classifyEmbed('javascript:alert(1)')).toBeUndefined();
    expect(classifyEmbed('data:text/html,x')).toBeUndefined();
  });
});

describe('route handler helpers', () => {
  it('answers JSON errors', async () => {
    const response = jsonError(404, 'no such article');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ error: 'no such article' });
  });

  it('answers 405 with Allow, and OPTIONS with the allowed methods', async () => {
    const response = methodNotAllowed('POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await response.json()).toEqual({ error: expect.stringContaining('POST') });
    const options = methodNotAllowed('OPTIONS');
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('has one 404 shape', async () => {
    const response = notFoundResponse('no such article');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no such article' });
  });
});

describe('SITE_URL', () => {
  it('warns loudly when a plain production build has none, naming the consequence', () => {
    const check = siteUrlCheck({});
    expect(check.level).toBe('warning');
    if (check.level !== 'ok') {
      expect(check.message).toContain('SITE_URL is not set');
      expect(check.message).toContain('http://localhost:3000');
      expect(check.message).toMatch(/canonical link, feed, sitemap/);
    }
  });

  it('stops an export or standalone build without one, and accepts one that is set', () => {
    expect(siteUrlCheck({ NEXT_OUTPUT: 'export' }).level).toBe('error');
    expect(siteUrlCheck({ NEXT_OUTPUT: 'standalone' }).level).toBe('error');
    expect(siteUrlCheck({ NEXT_OUTPUT: 'export', SITE_URL: 'https://news.example' }).level).toBe(
      'ok',
    );
  });

  it('refuses a SITE_URL that is not an absolute http(s) URL, saying what it expects', () => {
    for (const value of ['not a url', '/relative', 'ftp://news.example']) {
      expect(() => parseSettings({ SITE_URL: value })).toThrow(
        `SITE_URL="${value}" is not valid: expected an absolute http(s) URL, like https://news.example`,
      );
    }
    expect(parseSettings({ SITE_URL: 'https://news.example' }).SITE_URL).toBe(
      'https://news.example',
    );
  });
});
