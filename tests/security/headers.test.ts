// Security headers, a Content-Security-Policy the web client and the API reference run under,
// no CORS unless configured, and a body size limit.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../api/helpers.ts';

let ctx: TestContext | undefined;
afterEach(() => ctx?.close());

const clientDir = fileURLToPath(new URL('../../client/', import.meta.url));

function directives(header: string | string[] | number | undefined): Map<string, string[]> {
  return new Map(
    String(header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words): words is [string, ...string[]] => !!words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** Inline <script> elements (no src) would need 'unsafe-inline' or a hash in script-src. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs, body]) => !/\bsrc=/.test(attrs ?? '') && (body ?? '').trim())
    .map(([tag]) => tag);
}

describe('security headers', () => {
  it('are sent on API answers: CSP, nosniff, frame denial, no referrer, HSTS', async () => {
    ctx = await createTestContext();
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('let the web client run: its pages load scripts from the same origin only, never inline', async () => {
    const sources = [readFileSync(`${clientDir}index.html`, 'utf8')];
    if (existsSync(`${clientDir}dist/index.html`)) sources.push(readFileSync(`${clientDir}dist/index.html`, 'utf8'));
    for (const html of sources) {
      expect(inlineScripts(html)).toEqual([]);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/<script[^>]+src="https?:/i);
    }
  });

  it('let the API reference at /docs run under the same policy', async () => {
    ctx = await createTestContext();
    const page = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(directives(page.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
    expect(inlineScripts(page.body)).toEqual([]);
    const init = await ctx.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    expect(init.body).not.toContain('validator.swagger.io');
  });
});

describe('CORS', () => {
  it('is off unless configured: no Access-Control-Allow-Origin for another site', async () => {
    ctx = await createTestContext();
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await ctx.app.inject({
      method: 'OPTIONS',
      url: '/api/persons',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows only the configured origins when CORS_ORIGIN is set', async () => {
    ctx = await createTestContext({ config: { corsOrigins: ['https://intranet.ausl.bologna.it'] } });
    const ok = await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://intranet.ausl.bologna.it' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://intranet.ausl.bologna.it');
    const other = await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('over 1 MiB are refused with 413 problem+json on protected routes too, before any write', async () => {
    ctx = await createTestContext();
    const admin = await ctx.as('admin');
    const before = ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM districts').get();
    const res = await admin({ method: 'POST', url: '/api/districts', payload: { code: 'X', name: 'y'.repeat(1_100_000) } });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM districts').get()).toEqual(before);
  });
});
