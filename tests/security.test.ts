import { describe, expect, it } from 'vitest';
import { classifyEmbed } from '@/lib/embed';
import { jsonError, methodNotAllowed, readQuery } from '@/lib/http';
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
      embeddable: false,
      https: true,
    });
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1];
    expect(scriptSrc).toBe(`'self' ${sha256Source(THEME_SCRIPT)} 'sha256-x'`);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ scriptHashes: [], embeddable: true, https: false })).toContain(
      'frame-ancestors *',
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

  it('answers 405 with Allow', async () => {
    const response = methodNotAllowed(['GET']);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('refuses odd query strings with a 4xx', async () => {
    const bad = [
      ['http://x/api?url=a&url=b', 400],
      ['http://x/api?unknown=1', 400],
      [`http://x/api?url=${'a'.repeat(3000)}`, 414],
    ] as const;
    for (const [url, status] of bad) {
      const result = readQuery(new Request(url), ['url', 'format']);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.response.status).toBe(status);
    }
    const good = readQuery(new Request('http://x/api?url=https%3A%2F%2Fa&format=json'), [
      'url',
      'format',
    ]);
    expect(good.ok && good.params.get('url')).toBe('https://a');
  });
});
