// Replies are written from each route's reply schema (server/src/reply-serializer.ts): a key the
// schema does not name never leaves the server, a reply that breaks its schema fails instead of
// being sent, and a route whose schema has no JSON Schema form stops the server from starting.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openMemoryDb } from '@bds/db';
import { buildApp } from '@bds/server';
import { testConfig } from '@bds/server/config.ts';
import { buildReplySerializers, replySerializerCompiler } from '@bds/server/reply-serializer.ts';

const compile = (schema: z.ZodType) => replySerializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' });

describe('reply serializer', () => {
  it('writes what the schema names, nulls included, and nothing else', () => {
    const serialize = compile(
      z.object({
        id: z.number().int(),
        name: z.string(),
        note: z.string().nullable(),
        status: z.enum(['draft', 'active']).nullable(),
        budget: z.object({ habitat: z.number() }).nullable(),
        tags: z.array(z.object({ code: z.string() })),
        next: z.number().int().nullable().optional(),
      }),
    );
    const reply = {
      id: 7,
      name: 'Maria "Rossi"\n',
      note: null,
      status: 'active',
      budget: { habitat: 12.5, secret: 1 },
      tags: [{ code: 'A', secret: 'x' }],
      fiscalCode: 'RSSMRA80A01A944X',
    };
    expect(JSON.parse(serialize(reply))).toEqual({
      id: 7,
      name: 'Maria "Rossi"\n',
      note: null,
      status: 'active',
      budget: { habitat: 12.5 },
      tags: [{ code: 'A' }],
    });
    expect(JSON.parse(serialize({ ...reply, status: null, budget: null, next: 3 }))).toMatchObject({ status: null, budget: null, next: 3 });
  });

  it('fails a reply that misses a required key or carries a wrong type', () => {
    const serialize = compile(z.object({ id: z.number().int(), name: z.string() }));
    expect(() => serialize({ name: 'x' })).toThrow(/id/);
    expect(() => serialize({ id: 'seven', name: 'x' })).toThrow(/seven/);
  });

  it('serves every route of the API, and refuses to start with a reply schema it cannot write', async () => {
    const app = await buildApp({ db: openMemoryDb(), config: testConfig() });
    await expect(app.ready()).resolves.toBeDefined();
    // Compiled at each route's first reply: every one of them compiles.
    expect(() => buildReplySerializers()).not.toThrow();
    await app.close();

    const broken = await buildApp({ db: openMemoryDb(), config: testConfig() });
    broken.get('/api/broken', { config: { public: true }, schema: { response: { 200: z.object({ at: z.date() }) } } }, () => ({
      at: new Date(),
    }));
    await expect(broken.ready()).rejects.toThrow(/GET \/api\/broken \(200\) has no JSON Schema form/);
  });
});
