// The built client is served as a product: precompressed files, fingerprinted assets cached for
// a year, index.html revalidated on every visit, also when it answers a page's deep link.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';

const ASSET = 'index-Cepdod3T.js';
const SCRIPT = 'console.log("bds");'.repeat(50);
let dist: string;
let ctx: TestContext;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'bds-dist-'));
  mkdirSync(join(dist, 'assets'));
  const html = '<!doctype html><script type="module" src="/assets/index-Cepdod3T.js"></script>';
  for (const [path, content] of [
    ['index.html', html],
    [`assets/${ASSET}`, SCRIPT],
  ] as const) {
    writeFileSync(join(dist, path), content);
    writeFileSync(join(dist, `${path}.br`), brotliCompressSync(content));
    writeFileSync(join(dist, `${path}.gz`), gzipSync(content));
  }
  ctx = await createTestContext({ config: { clientDist: dist } });
});
afterAll(async () => {
  await ctx?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the built client', () => {
  it('sends a fingerprinted asset brotli-compressed and cacheable for a year', async () => {
    const res = await ctx.app.inject({ url: `/assets/${ASSET}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('falls back to gzip, then to the plain file, by what the browser accepts', async () => {
    const gzip = await ctx.app.inject({ url: `/assets/${ASSET}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await ctx.app.inject({ url: `/assets/${ASSET}`, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it.each(['/', '/index.html', '/progetti/12'])('never lets a browser keep %s without asking', async (url) => {
    const res = await ctx.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain('/assets/index-Cepdod3T.js');
  });
});
