// Lot 3 flats: executing members, stays and their 409 rules, exits, flat-level hours, who sees
// which names, and the flats report recomputed from the raw rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { daysInMonth } from '@bds/shared';
import { flatFiguresOf, flatPlaceDaysOf } from '@bds/server/figures/definitions.ts';
import { createTestContext, personBody, type TestContext } from './helpers.ts';
import { flat, lot3, lot3Project } from './flats-helpers.ts';
import { activeProject, recomputedSummaries, record, storedSummaries } from './work-helpers.ts';

let ctx: TestContext;
let lotId: number;
beforeEach(async () => {
  ctx = await createTestContext();
  lotId = await lot3(ctx);
});
afterEach(() => ctx.close());

const stay = (flatId: number, payload: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: `/api/flats/${flatId}/stays`,
  payload,
});
const end = (stayId: number, payload: Record<string, unknown>) => ({ method: 'POST' as const, url: `/api/stays/${stayId}/end`, payload });
const flatWork = (flatId: number, overrides: Record<string, unknown> = {}) => ({
  method: 'POST' as const,
  url: `/api/flats/${flatId}/interventions`,
  payload: { date: '2025-03-12', activity: 'Supporto alla gestione della casa', hours: 2, operatorRole: 'Educatore', ...overrides },
});

describe('executing members of a lot', () => {
  it('lets only the executing member run the lot’s flats and take its projects', async () => {
    const lots = (await (await ctx.as('manager'))({ method: 'GET', url: '/api/lots' })).json();
    expect(lots.find((l: { id: number }) => l.id === lotId).executingCooperativeIds).toEqual([ctx.world.coops.alfa]);
    const admin = await ctx.as('admin');
    const byBeta = await admin({
      method: 'POST',
      url: '/api/flats',
      payload: {
        name: 'Casa Beta',
        districtId: ctx.world.districts.bologna,
        address: 'Via Roma 1',
        places: 3,
        lotId,
        cooperativeId: ctx.world.coops.beta,
        openedOn: '2024-01-01',
      },
    });
    expect(byBeta.statusCode).toBe(400);
    expect(byBeta.json().errors[0]).toEqual({
      path: 'cooperativeId',
      message: 'la cooperativa non è una consorziata esecutrice del lotto',
    });
    const cm = await ctx.as('cm.navile');
    const person = (await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) })).json();
    const project = await cm({
      method: 'POST',
      url: '/api/ptris',
      payload: {
        personId: person.id,
        serviceId: ctx.world.services.navile,
        lotId,
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        intensity: 'low',
        cooperativeIds: [ctx.world.coops.beta],
        goals: [{ axis: 'habitat', description: 'Casa' }],
      },
    });
    expect(project.statusCode).toBe(400);
    expect(project.json().errors[0].path).toBe('cooperativeIds.0');
    const outside = await admin({
      method: 'PATCH',
      url: `/api/lots/${lotId}`,
      payload: { executingCooperativeIds: [ctx.world.coops.gamma] },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].path).toBe('executingCooperativeIds.0');
    // Without executing members every member may again run a flat.
    expect((await admin({ method: 'PATCH', url: `/api/lots/${lotId}`, payload: { executingCooperativeIds: [] } })).statusCode).toBe(200);
    expect((await flat(ctx, lotId, { cooperativeId: ctx.world.coops.beta, name: 'Casa Beta' })) > 0).toBe(true);
  });
});

describe('stays', () => {
  it('refuses a stay on a day with no free place, and takes it once a place frees', async () => {
    const flatId = await flat(ctx, lotId, { places: 2 });
    const cm = await ctx.as('cm.navile');
    const [a, b, c] = [await lot3Project(ctx, lotId), await lot3Project(ctx, lotId), await lot3Project(ctx, lotId)];
    const first = await cm(stay(flatId, { ptriId: a.id, from: '2025-02-01' }));
    expect(first.statusCode, first.body).toBe(201);
    expect((await cm(stay(flatId, { ptriId: b.id, from: '2025-02-10' }))).statusCode).toBe(201);
    const full = await cm(stay(flatId, { ptriId: c.id, from: '2025-01-20' }));
    expect(full.statusCode).toBe(409);
    expect(full.json().detail).toBe("Nessun posto libero nell'appartamento «Casa Saragozza» il 10/02/2025");
    // Before the second resident came in, a short stay fits.
    expect((await cm(stay(flatId, { ptriId: c.id, from: '2025-01-20', to: '2025-02-09' }))).statusCode).toBe(201);
    const ended = await cm(end(first.json().id, { date: '2025-04-30', destination: 'own_home', note: 'Casa popolare assegnata' }));
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ to: '2025-04-30', destination: 'own_home' });
    expect((await cm(stay(flatId, { ptriId: c.id, from: '2025-04-30' }))).statusCode).toBe(409);
    expect((await cm(stay(flatId, { ptriId: c.id, from: '2025-05-01' }))).statusCode).toBe(201);
    const detail = (await cm({ method: 'GET', url: `/api/flats/${flatId}` })).json();
    expect(detail.stays).toHaveLength(4);
  });

  it('refuses a person who stays elsewhere in the period, and a project that is not an active Lot 3 one then', async () => {
    const one = await flat(ctx, lotId, { places: 3 });
    const two = await flat(ctx, lotId, { places: 3, name: 'Casa Mazzini' });
    const cm = await ctx.as('cm.navile');
    const a = await lot3Project(ctx, lotId);
    expect((await cm(stay(one, { ptriId: a.id, from: '2025-02-01', to: '2025-06-30' }))).statusCode).toBe(201);
    const twice = await cm(stay(two, { ptriId: a.id, from: '2025-06-01' }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe("La persona è già ospite dell'appartamento «Casa Saragozza» dal 01/02/2025 al 30/06/2025");
    expect((await cm(stay(two, { ptriId: a.id, from: '2025-07-01' }))).statusCode).toBe(201);
    const lot1 = await activeProject(ctx);
    const notLot3 = await cm(stay(one, { ptriId: lot1.id, from: '2025-03-01' }));
    expect(notLot3.statusCode).toBe(409);
    expect(notLot3.json().detail).toBe('Permanenza non possibile: il progetto non è del Lotto 3 (abitare di transizione)');
    const b = await lot3Project(ctx, lotId);
    const early = await cm(stay(one, { ptriId: b.id, from: '2024-12-01' }));
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('il progetto è attivo solo dal 01/01/2025');
    const late = await cm(stay(one, { ptriId: b.id, from: '2025-03-01', to: '2026-03-01' }));
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('il progetto termina il 31/12/2025');
    const badOrder = await cm(stay(one, { ptriId: b.id, from: '2025-03-01', to: '2025-02-01' }));
    expect(badOrder.statusCode).toBe(400);
    expect(badOrder.json().errors[0].path).toBe('to');
  });

  it("lets only the case manager of the project's service place the person and end the stay", async () => {
    const flatId = await flat(ctx, lotId);
    const a = await lot3Project(ctx, lotId);
    expect((await (await ctx.as('cm.budrio'))(stay(flatId, { ptriId: a.id, from: '2025-02-01' }))).statusCode).toBe(404);
    expect((await (await ctx.as('coop.alfa'))(stay(flatId, { ptriId: a.id, from: '2025-02-01' }))).statusCode).toBe(403);
    const created = await (await ctx.as('cm.navile'))(stay(flatId, { ptriId: a.id, from: '2025-02-01' }));
    const id = created.json().id as number;
    expect((await (await ctx.as('cm.budrio'))(end(id, { date: '2025-03-01', destination: 'family' }))).statusCode).toBe(404);
    const cm = await ctx.as('cm.navile');
    const badPlace = await cm(end(id, { date: '2025-03-01', destination: 'moon' }));
    expect(badPlace.statusCode).toBe(400);
    expect(badPlace.json().errors[0].path).toBe('destination');
    const before = await cm(end(id, { date: '2025-01-01', destination: 'family' }));
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0]).toEqual({ path: 'date', message: "precede l'ingresso (01/02/2025)" });
    expect((await cm(end(id, { date: '2025-03-01', destination: 'supported_housing' }))).statusCode).toBe(200);
    const again = await cm(end(id, { date: '2025-03-02', destination: 'family' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('La permanenza è già conclusa il 01/03/2025');
    const stays = (await cm({ method: 'GET', url: `/api/ptris/${a.id}/stays` })).json();
    expect(stays.items).toEqual([
      { id, flatId, flatName: 'Casa Saragozza', from: '2025-02-01', to: '2025-03-01', destination: 'supported_housing' },
    ]);
    const audit = ctx.db.$client
      .prepare("SELECT action FROM audit_log WHERE entity = 'flat_stay' AND entity_id = ? ORDER BY id")
      .pluck()
      .all(id);
    expect(audit).toEqual(['create', 'update']);
  });
});

describe('who sees a flat', () => {
  it('shows the cooperative its flats and residents’ names only, a case manager every flat’s free places and only their residents’ names', async () => {
    const flatId = await flat(ctx, lotId, { places: 4 });
    const navile = await lot3Project(ctx, lotId, 'navile', 'Nadia');
    const budrio = await lot3Project(ctx, lotId, 'budrio', 'Bruno');
    expect((await (await ctx.as('cm.navile'))(stay(flatId, { ptriId: navile.id, from: '2025-02-01' }))).statusCode).toBe(201);
    const budrioStay = await (await ctx.as('cm.budrio'))(stay(flatId, { ptriId: budrio.id, from: '2025-02-01' }));
    await (
      await ctx.as('cm.budrio')
    )(end(budrioStay.json().id, { date: '2025-05-31', destination: 'family', note: 'NOTA-CLINICA' }));
    const names = async (username: string) => {
      const res = await (await ctx.as(username))({ method: 'GET', url: `/api/flats/${flatId}` });
      expect(res.statusCode, res.body).toBe(200);
      return res;
    };
    const coop = await names('coop.alfa');
    expect(
      coop
        .json()
        .stays.map((s: { personName: string }) => s.personName?.split(' ')[0])
        .sort(),
    ).toEqual(['Bruno', 'Nadia']);
    const fiscalCodes = ctx.db.$client.prepare('SELECT fiscal_code FROM persons').pluck().all() as string[];
    for (const code of fiscalCodes) expect(coop.body).not.toContain(code);
    expect(coop.body).not.toContain('1980-01-01');
    expect(coop.body).not.toContain('NOTA-CLINICA');
    const cm = (await names('cm.navile')).json();
    expect(cm).toMatchObject({ places: 4, occupiedToday: 1, freeToday: 3 });
    expect(
      cm.stays.map((s: { personName: string | null; ptriId: number | null }) => [s.personName?.split(' ')[0] ?? null, s.ptriId]),
    ).toEqual(
      expect.arrayContaining([
        ['Nadia', navile.id],
        [null, null],
      ]),
    );
    expect(JSON.stringify(cm)).not.toContain('NOTA-CLINICA');
    const uvm = (await names('uvm.bologna')).json();
    expect(uvm.stays.every((s: { personName: string | null }) => s.personName === null)).toBe(true);
    const manager = (await names('manager')).json();
    expect(manager.stays.every((s: { personName: string | null }) => s.personName !== null)).toBe(true);
    expect(JSON.stringify(manager)).toContain('NOTA-CLINICA');
    // Another cooperative does not see the flat at all.
    expect((await (await ctx.as('coop.beta'))({ method: 'GET', url: `/api/flats/${flatId}` })).statusCode).toBe(404);
    expect((await (await ctx.as('coop.beta'))({ method: 'GET', url: '/api/flats' })).json().items).toEqual([]);
    const list = (await (await ctx.as('cm.budrio'))({ method: 'GET', url: `/api/flats?districtId=${ctx.world.districts.bologna}` })).json();
    expect(list.items).toEqual([expect.objectContaining({ id: flatId, freeToday: 3, occupiedToday: 1 })]);
  });

  it('counts each flat’s own residents today, whatever the ids of their stays', async () => {
    const [empty, lived] = [await flat(ctx, lotId, { name: 'Casa Vuota' }), await flat(ctx, lotId, { name: 'Casa Abitata' })];
    const cm = await ctx.as('cm.navile');
    for (const from of ['2025-02-01', '2025-03-01']) {
      const placed = await cm(stay(lived, { ptriId: (await lot3Project(ctx, lotId)).id, from }));
      expect(placed.statusCode, placed.body).toBe(201);
    }
    const list = (await cm({ method: 'GET', url: '/api/flats' })).json();
    expect(list.items).toEqual([
      expect.objectContaining({ id: empty, occupiedToday: 0, freeToday: 2 }),
      expect.objectContaining({ id: lived, occupiedToday: 2, freeToday: 0 }),
    ]);
    expect((await cm({ method: 'GET', url: `/api/flats/${lived}` })).json()).toMatchObject({ occupiedToday: 2, freeToday: 0 });
  });

  it('pages the flats list', async () => {
    for (let i = 0; i < 3; i++) await flat(ctx, lotId, { name: `Casa ${i}` });
    const cm = await ctx.as('cm.navile');
    const first = (await cm({ method: 'GET', url: '/api/flats?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    const second = (await cm({ method: 'GET', url: `/api/flats?limit=2&cursor=${first.nextCursor}` })).json();
    expect(second.items.map((f: { name: string }) => f.name)).toEqual(['Casa 2']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('flat-level hours', () => {
  it('bills work for the flat at the lot rate in the flats part of the month, reviewed by a manager', async () => {
    const flatId = await flat(ctx, lotId);
    const alfa = await ctx.as('coop.alfa');
    const created = await alfa(flatWork(flatId));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ hours: 2, amount: 48, activity: 'Supporto alla gestione della casa' });
    const wrongAxis = await alfa(flatWork(flatId, { activity: 'Tirocinio' }));
    expect(wrongAxis.statusCode).toBe(400);
    expect(wrongAxis.json().errors[0].path).toBe('activity');
    expect((await alfa(flatWork(flatId, { date: '2023-12-31' }))).statusCode).toBe(400);
    expect((await (await ctx.as('coop.beta'))(flatWork(flatId))).statusCode).toBe(404);
    expect((await (await ctx.as('cm.navile'))(flatWork(flatId))).statusCode).toBe(403);
    const listed = (await alfa({ method: 'GET', url: `/api/flats/${flatId}/interventions?month=2025-03` })).json();
    expect(listed.items).toHaveLength(1);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
    const submitted = await alfa({ method: 'POST', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports/2025-03/submit` });
    expect(submitted.json().parts).toEqual([
      expect.objectContaining({ kind: 'flats', status: 'submitted', totals: { interventions: 1, hours: 2, amount: 48 } }),
    ]);
    expect((await alfa(flatWork(flatId))).statusCode).toBe(409);
    const reviewed = await (
      await ctx.as('manager')
    )({
      method: 'POST',
      url: `/api/cooperatives/${ctx.world.coops.alfa}/reports/2025-03/parts/flats/review`,
      payload: { decision: 'validated' },
    });
    expect(reviewed.json().status).toBe('validated');
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });
});

describe('the flats report', () => {
  it('gives place-days, occupancy, entries, exits by destination, average stay, hours and amount as recomputed by hand', async () => {
    const flatId = await flat(ctx, lotId, { places: 2, openedOn: '2025-03-01' });
    const cm = await ctx.as('cm.navile');
    const a = await lot3Project(ctx, lotId);
    const b = await lot3Project(ctx, lotId);
    const stayA = (await cm(stay(flatId, { ptriId: a.id, from: '2025-03-01' }))).json();
    await cm(end(stayA.id, { date: '2025-03-10', destination: 'own_home' }));
    const stayB = (await cm(stay(flatId, { ptriId: b.id, from: '2025-03-05' }))).json();
    await cm(end(stayB.id, { date: '2025-03-24', destination: 'residential' }));
    const alfa = await ctx.as('coop.alfa');
    await alfa(flatWork(flatId, { hours: 3 }));
    // A's personal hours: one inside the stay, one after it (not the flat's).
    await record(alfa, a.id, { date: '2025-03-08', hours: 1.5 });
    await record(alfa, a.id, { date: '2025-03-20', hours: 4 });
    const res = await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/flats?year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().rows[0];
    // Open from 1 March to 31 December: 306 days × 2 places; A 10 days, B 20 days.
    expect(row).toEqual({
      flatId,
      name: 'Casa Saragozza',
      districtId: ctx.world.districts.bologna,
      places: 2,
      placeDaysAvailable: 612,
      placeDaysOccupied: 30,
      occupancy: Math.round((30 / 612) * 10_000) / 10_000,
      entries: 2,
      exits: { own_home: 1, residential: 1 },
      averageStayDays: 15,
      flatHours: 3,
      personalHours: 1.5,
      hours: 4.5,
      amount: 3 * 24 + 1.5 * 24,
    });
    // One flat: the totals of the whole report are its figures.
    const { flatId: _id, name: _name, districtId: _district, places: _places, ...figures } = row;
    expect(res.json()).toMatchObject({ totals: figures, total: 1, nextCursor: null });
    const march = res.json().months.find((m: { month: string }) => m.month === '2025-03');
    expect(march).toEqual({ month: '2025-03', placeDaysAvailable: 62, placeDaysOccupied: 30 });
    // The monthly series reads the place-days alone: equal to each month's whole figures, summed.
    for (const month of ['2025-02', '2025-03', '2025-04', '2025-12']) {
      const last = `${month}-${daysInMonth(month)}`;
      const whole = flatFiguresOf(ctx.db, `${month}-01`, last, sql`1`);
      expect(flatPlaceDaysOf(ctx.db, `${month}-01`, last, sql`1`), month).toEqual({
        available: whole.reduce((n, f) => n + f.placeDaysAvailable, 0),
        occupied: whole.reduce((n, f) => n + f.placeDaysOccupied, 0),
      });
    }
    const csv = await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/flats?year=2025&format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Casa Saragozza;2;612;30;');
    // A case manager of another service, with no resident there, sees no flat.
    expect((await (await ctx.as('cm.budrio'))({ method: 'GET', url: '/api/reports/flats?year=2025' })).json().rows).toEqual([]);
    expect((await (await ctx.as('coop.alfa'))({ method: 'GET', url: '/api/reports/flats?year=2025' })).statusCode).toBe(403);
  });
});

describe('the flats report by page', () => {
  it('pages through every flat exactly once, with the totals of all of them whatever the page', async () => {
    const cm = await ctx.as('cm.navile');
    const alfa = await ctx.as('coop.alfa');
    const destinations = ['own_home', 'residential', 'family', '', 'hospital'];
    const flatIds: number[] = [];
    for (let i = 0; i < 5; i++) {
      const flatId = await flat(ctx, lotId, { name: `Casa ${i}`, places: 2 + i, openedOn: `2025-0${i + 1}-01` });
      flatIds.push(flatId);
      if (i === 3) continue;
      const project = await lot3Project(ctx, lotId, 'navile', ['Anna', 'Bruno', 'Carla', '', 'Elena'][i]);
      const placed = (await cm(stay(flatId, { ptriId: project.id, from: `2025-0${i + 2}-03` }))).json();
      await cm(end(placed.id, { date: `2025-0${i + 2}-${10 + 3 * i}`, destination: destinations[i] }));
      await alfa(flatWork(flatId, { date: `2025-0${i + 2}-05`, hours: 1 + i / 2 }));
      await record(alfa, project.id, { date: `2025-0${i + 2}-06`, hours: 0.75 });
    }
    const manager = await ctx.as('manager');
    const get = async (query: string) => {
      const res = await manager({ method: 'GET', url: `/api/reports/flats?year=2025${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const whole = await get('&limit=2000');
    expect(whole.rows.map((r: { flatId: number }) => r.flatId)).toEqual(flatIds);
    expect(whole).toMatchObject({ total: 5, nextCursor: null });
    const pages = [await get('&limit=2')];
    while (pages.at(-1).nextCursor) pages.push(await get(`&limit=2&cursor=${pages.at(-1).nextCursor}`));
    expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.rows)).toEqual(whole.rows);
    for (const p of pages)
      expect({ totals: p.totals, months: p.months, total: p.total }).toEqual({ totals: whole.totals, months: whole.months, total: 5 });
    type Row = Record<string, number> & { exits: Record<string, number> };
    const rows: Row[] = whole.rows;
    const sum = (key: string) => rows.reduce((n, r) => n + r[key]!, 0);
    expect(whole.totals).toMatchObject({
      placeDaysAvailable: sum('placeDaysAvailable'),
      placeDaysOccupied: sum('placeDaysOccupied'),
      entries: sum('entries'),
      exits: { own_home: 1, residential: 1, family: 1, hospital: 1 },
    });
    for (const key of ['flatHours', 'personalHours', 'hours', 'amount']) expect(whole.totals[key], key).toBeCloseTo(sum(key), 6);
    for (const destination of Object.keys(whole.totals.exits)) {
      expect(whole.totals.exits[destination]).toBe(rows.reduce((n, r) => n + (r.exits[destination] ?? 0), 0));
    }
    expect(whole.totals.entries).toBe(4);
    expect(whole.totals.personalHours).toBe(3);
    // Average stay over all ended stays: 8, 11, 14, 20 days (flat 3 had none).
    expect(whole.totals.averageStayDays).toBe(13.3);
    // The case manager's flats are those where their residents stayed: the same four, and their totals.
    const mine = (await cm({ method: 'GET', url: '/api/reports/flats?year=2025&limit=3' })).json();
    expect(mine).toMatchObject({ total: 4, totals: { entries: 4, personalHours: 3 } });
    expect(mine.rows.map((r: { flatId: number }) => r.flatId)).toEqual(flatIds.filter((_, i) => i !== 3).slice(0, 3));
    // The CSV holds every flat, whatever the page size.
    const csv = await manager({ method: 'GET', url: '/api/reports/flats?year=2025&format=csv&limit=1' });
    expect(csv.body.split('\r\n').filter((line) => line.startsWith('Casa '))).toHaveLength(5);
    const bad = await manager({ method: 'GET', url: '/api/reports/flats?year=2025&cursor=nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('cursor');
  });
});
