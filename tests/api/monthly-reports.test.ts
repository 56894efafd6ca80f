import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';
import { activeProject, csvUpload, record, recomputedSummaries, storedSummaries } from './work-helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const submit = (coop: number, month = '2025-03') => ({ method: 'POST' as const, url: `/api/cooperatives/${coop}/reports/${month}/submit` });
const review = (coop: number, payload: Record<string, unknown>, month = '2025-03') => ({
  method: 'POST' as const,
  url: `/api/cooperatives/${coop}/reports/${month}/review`,
  payload,
});

describe('monthly reports', () => {
  it('makes a submitted month read-only: no new, changed or deleted interventions', async () => {
    const { id } = await activeProject(ctx);
    const alfa = await ctx.as('coop.alfa');
    const created = (await record(alfa, id)).json();
    const res = await alfa(submit(ctx.world.coops.alfa));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', totals: { interventions: 1, hours: 2.5 } });
    const late = await record(alfa, id, { date: '2025-03-20' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('Il mese di marzo 2025 è già stato inviato: non si può modificare');
    const changed = await alfa({ method: 'PATCH', url: `/api/interventions/${created.id}`, payload: { hours: 1 } });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().detail).toBe("Il mese di marzo 2025 è già stato inviato: l'intervento non si può modificare");
    expect((await alfa({ method: 'DELETE', url: `/api/interventions/${created.id}` })).statusCode).toBe(409);
    const again = await alfa(submit(ctx.world.coops.alfa));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Il mese di marzo 2025 è già stato inviato');
    const upload = await csvUpload(
      alfa,
      ctx.world.coops.alfa,
      '2025-03',
      `ptriId;date;axis;activity;hours;operatorRole\n${id};2025-03-21;habitat;Accompagnamento;1;educatore\n`,
    );
    expect(upload.statusCode).toBe(409);
    expect(upload.json().detail).toBe('Il mese di marzo 2025 è già stato inviato: non si possono caricare interventi');
    // Another month stays open.
    expect((await record(alfa, id, { date: '2025-04-01' })).statusCode).toBe(201);
  });

  it('lets a cooperative submit only its own month, and not an empty or future one', async () => {
    const alfa = await ctx.as('coop.alfa');
    expect((await alfa(submit(ctx.world.coops.beta))).statusCode).toBe(404);
    expect((await alfa(submit(ctx.world.coops.alfa))).statusCode).toBe(409);
    expect((await alfa(submit(ctx.world.coops.alfa, '2099-01'))).statusCode).toBe(400);
  });

  it('validates the month when every service concerned has validated its part', async () => {
    const navile = await activeProject(ctx, { service: 'navile' });
    const budrio = await activeProject(ctx, { service: 'budrio' });
    const alfa = await ctx.as('coop.alfa');
    expect((await record(alfa, navile.id)).statusCode).toBe(201);
    expect((await record(alfa, budrio.id)).statusCode).toBe(201);
    await alfa(submit(ctx.world.coops.alfa));
    const first = await (await ctx.as('cm.navile'))(review(ctx.world.coops.alfa, { decision: 'validated' }));
    expect(first.statusCode, first.body).toBe(200);
    // The case manager sees the status of their own part; the month waits for Budrio's.
    expect(first.json().status).toBe('validated');
    const waiting = (await alfa({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports?year=2025` })).json();
    expect(waiting.months.find((m: { month: string }) => m.month === '2025-03').status).toBe('submitted');
    const second = await (await ctx.as('cm.budrio'))(review(ctx.world.coops.alfa, { decision: 'validated' }));
    expect(second.json().status).toBe('validated');
    // A case manager sees only their own service's part; the cooperative sees them all.
    expect(second.json().parts.map((p: { serviceId: number }) => p.serviceId)).toEqual([ctx.world.services.budrio]);
    const months = (await alfa({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports?year=2025` })).json().months;
    const march = months.find((m: { month: string }) => m.month === '2025-03');
    expect(march.parts.map((p: { status: string }) => p.status)).toEqual(['validated', 'validated']);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });

  it('returns a month with a required note, reopening only the returned part', async () => {
    const navile = await activeProject(ctx, { service: 'navile' });
    const budrio = await activeProject(ctx, { service: 'budrio' });
    const alfa = await ctx.as('coop.alfa');
    const fromNavile = (await record(alfa, navile.id)).json();
    const fromBudrio = (await record(alfa, budrio.id)).json();
    await alfa(submit(ctx.world.coops.alfa));
    const cmNavile = await ctx.as('cm.navile');
    const noNote = await cmNavile(review(ctx.world.coops.alfa, { decision: 'returned' }));
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].path).toBe('note');
    await (
      await ctx.as('cm.budrio')
    )(review(ctx.world.coops.alfa, { decision: 'validated' }));
    const returned = await cmNavile(review(ctx.world.coops.alfa, { decision: 'returned', note: 'Ore del 10 marzo da verificare' }));
    expect(returned.json()).toMatchObject({ status: 'returned', note: 'Ore del 10 marzo da verificare' });
    // Budrio's case manager sees Budrio's part only: not Navile's note, nor the month as returned.
    const seenByBudrio = (
      await (
        await ctx.as('cm.budrio')
      )({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports?year=2025` })
    ).json();
    const march = seenByBudrio.months.find((m: { month: string }) => m.month === '2025-03');
    expect(march).toMatchObject({ status: 'validated', note: null });
    expect(JSON.stringify(seenByBudrio)).not.toContain('10 marzo');
    expect((await alfa({ method: 'PATCH', url: `/api/interventions/${fromNavile.id}`, payload: { hours: 2 } })).statusCode).toBe(200);
    expect((await alfa({ method: 'PATCH', url: `/api/interventions/${fromBudrio.id}`, payload: { hours: 2 } })).statusCode).toBe(409);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
    expect((await alfa(submit(ctx.world.coops.alfa))).json().status).toBe('submitted');
    const validated = await cmNavile(review(ctx.world.coops.alfa, { decision: 'validated' }));
    expect(validated.json().status).toBe('validated');
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });

  it('lets only the case managers of a service concerned review, once', async () => {
    const { id } = await activeProject(ctx, { service: 'navile' });
    const alfa = await ctx.as('coop.alfa');
    await record(alfa, id);
    await alfa(submit(ctx.world.coops.alfa));
    const elsewhere = await (await ctx.as('cm.budrio'))(review(ctx.world.coops.alfa, { decision: 'validated' }));
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().detail).toBe('Nessun intervento del tuo servizio da rivedere per il mese di marzo 2025');
    expect((await (await ctx.as('manager'))(review(ctx.world.coops.alfa, { decision: 'validated' }))).statusCode).toBe(403);
    const cm = await ctx.as('cm.navile');
    expect((await cm(review(ctx.world.coops.alfa, { decision: 'validated' }))).statusCode).toBe(200);
    const again = await cm(review(ctx.world.coops.alfa, { decision: 'returned', note: 'tardi' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('La parte del tuo servizio è in stato «Validato»: non si può rivedere');
  });

  it('lists the status of every month of a year', async () => {
    const { id } = await activeProject(ctx);
    const alfa = await ctx.as('coop.alfa');
    await record(alfa, id);
    await record(alfa, id, { date: '2025-04-03' });
    await alfa(submit(ctx.world.coops.alfa));
    const res = await alfa({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports?year=2025` });
    expect(res.statusCode, res.body).toBe(200);
    const months = res.json().months as { month: string; status: string; parts: { status: string }[] }[];
    expect(months).toHaveLength(12);
    expect(months.find((m) => m.month === '2025-03')?.status).toBe('submitted');
    expect(months.find((m) => m.month === '2025-04')).toMatchObject({ status: 'open', parts: [{ status: 'open' }] });
    expect(
      (await (await ctx.as('coop.beta'))({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports?year=2025` })).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/monthly-reports', () => {
  interface Item {
    cooperativeId: number;
    cooperativeName: string;
    month: string;
    serviceId: number;
    serviceName: string;
    status: string;
    note: string | null;
    totals: { interventions: number; hours: number };
  }
  const list = async (user: string, query = '') => {
    const res = await (await ctx.as(user))({ method: 'GET', url: `/api/monthly-reports${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; nextCursor: string | null };
  };
  const keys = (items: Item[]) => items.map((item) => `${item.cooperativeId}|${item.month}|${item.serviceId}|${item.status}`);

  /**
   * Alfa works for a Navile project in March and April and for a Budrio one in March; Beta for the
   * Navile project in March. Every month is submitted; Budrio validates its part of Alfa's March.
   */
  async function fourParts() {
    const navile = await activeProject(ctx, { service: 'navile', cooperatives: ['alfa', 'beta'] });
    const budrio = await activeProject(ctx, { service: 'budrio' });
    const alfa = await ctx.as('coop.alfa');
    const beta = await ctx.as('coop.beta');
    expect((await record(alfa, navile.id)).statusCode).toBe(201);
    expect((await record(alfa, navile.id, { date: '2025-03-11', hours: 1 })).statusCode).toBe(201);
    expect((await record(alfa, budrio.id)).statusCode).toBe(201);
    expect((await record(alfa, navile.id, { date: '2025-04-03' })).statusCode).toBe(201);
    expect((await record(beta, navile.id)).statusCode).toBe(201);
    for (const [caller, coop, month] of [
      [alfa, 'alfa', '2025-03'],
      [alfa, 'alfa', '2025-04'],
      [beta, 'beta', '2025-03'],
    ] as const) {
      const res = await caller(submit(ctx.world.coops[coop], month));
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await (await ctx.as('cm.budrio'))(review(ctx.world.coops.alfa, { decision: 'validated' }))).statusCode).toBe(200);
    const { coops, services } = ctx.world;
    const parts: [number, string, number, string][] = [
      [coops.alfa, '2025-03', services.navile, 'submitted'],
      [coops.alfa, '2025-03', services.budrio, 'validated'],
      [coops.alfa, '2025-04', services.navile, 'submitted'],
      [coops.beta, '2025-03', services.navile, 'submitted'],
    ];
    // In the order of the list: month, then cooperative, then service.
    parts.sort(([ca, ma, sa], [cb, mb, sb]) => ma.localeCompare(mb) || ca - cb || sa - sb);
    return parts.map((part) => part.join('|'));
  }

  it("shows a case manager only their own service's parts, in the status asked for", async () => {
    const all = await fourParts();
    const { coops, services } = ctx.world;
    const submitted = await list('cm.navile', '?status=submitted&year=2025');
    expect(keys(submitted.items)).toEqual(all.filter((key) => key.includes(`|${services.navile}|submitted`)));
    expect(submitted.nextCursor).toBeNull();
    const alfaMarch = submitted.items.find((item) => item.cooperativeId === coops.alfa && item.month === '2025-03');
    expect(alfaMarch).toMatchObject({
      cooperativeName: 'Coop Alfa (test)',
      serviceName: 'CSM Navile',
      note: null,
      totals: { interventions: 2, hours: 3.5 },
    });
    expect((await list('cm.navile', '?status=validated&year=2025')).items).toEqual([]);
    const budrio = await list('cm.budrio', '?year=2025');
    expect(keys(budrio.items)).toEqual([`${coops.alfa}|2025-03|${services.budrio}|validated`]);
    expect(budrio.items[0]?.totals).toMatchObject({ interventions: 1, hours: 2.5 });
  });

  it('shows a cooperative only its own months, and a manager every part', async () => {
    const all = await fourParts();
    const { coops } = ctx.world;
    expect(keys((await list('coop.beta')).items)).toEqual(all.filter((key) => key.startsWith(`${coops.beta}|`)));
    expect(keys((await list('coop.alfa', '?status=submitted')).items)).toEqual(
      all.filter((key) => key.startsWith(`${coops.alfa}|`) && key.endsWith('|submitted')),
    );
    expect(keys((await list('manager', '?year=2025')).items)).toEqual(all);
    expect(keys((await list('admin')).items)).toEqual(all);
    expect((await list('manager', '?year=2024')).items).toEqual([]);
    const uvm = await (await ctx.as('uvm.bologna'))({ method: 'GET', url: '/api/monthly-reports' });
    expect(uvm.statusCode).toBe(403);
  });

  it('pages with a keyset cursor through every part exactly once', async () => {
    const all = await fourParts();
    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const pageOf: { items: Item[]; nextCursor: string | null } = await list(
        'manager',
        `?year=2025&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(pageOf.items.length).toBeLessThanOrEqual(1);
      seen.push(...pageOf.items);
      cursor = pageOf.nextCursor;
    } while (cursor);
    expect(keys(seen)).toEqual(all);
    const two = await list('manager', '?limit=2');
    expect(keys(two.items)).toEqual(all.slice(0, 2));
    expect(keys((await list('manager', `?limit=2&cursor=${two.nextCursor}`)).items)).toEqual(all.slice(2));
  });

  it('refuses a bad status, year, limit or cursor naming the field', async () => {
    const manager = await ctx.as('manager');
    for (const [query, field] of [
      ['status=open', 'status'],
      ['status=approvato', 'status'],
      ['year=25', 'year'],
      ['limit=0', 'limit'],
      ['cursor=xyz', 'cursor'],
      ['serviceId=1', ''],
    ] as const) {
      const res = await manager({ method: 'GET', url: `/api/monthly-reports?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      if (field) expect(JSON.stringify(res.json().errors ?? res.json().detail), query).toContain(field);
    }
  });

  it('logs the read in the access log', async () => {
    await fourParts();
    await list('cm.navile', '?status=submitted&year=2025');
    const row = ctx.db.$client.prepare("SELECT username, changes FROM audit_log WHERE entity = 'monthly_report_parts'").get() as {
      username: string;
      changes: string;
    };
    expect(row.username).toBe('cm.navile');
    expect(JSON.parse(row.changes)).toMatchObject({ filters: { status: 'submitted', year: 2025 }, serviceId: ctx.world.services.navile });
  });

  it("searches the case manager's parts on the (service, status, month) index", async () => {
    await fourParts();
    const client = ctx.db.$client;
    const statements: { sql: string; params: unknown[] }[] = [];
    const prepare = client.prepare.bind(client);
    const spy = vi.spyOn(client, 'prepare').mockImplementation((source: string) => {
      const statement = prepare(source);
      if (!source.includes('from "monthly_report_parts"')) return statement;
      const all = statement.all.bind(statement);
      return Object.assign(statement, { all: (...params: unknown[]) => (statements.push({ sql: source, params }), all(...params)) });
    });
    try {
      await list('cm.navile', '?status=submitted&year=2025&limit=1');
    } finally {
      spy.mockRestore();
    }
    expect(statements).toHaveLength(1);
    const { sql, params } = statements[0]!;
    const plan = (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
    expect(
      plan.find((detail) => detail.includes('monthly_report_parts')),
      plan.join('\n'),
    ).toMatch(/SEARCH .*USING INDEX monthly_report_parts_service_idx \(service_id=\? AND status=\? AND month>\? AND month<\?\)/);
  });
});
