// Outcomes on the three axes: living and work situations at each evaluation, contacts after
// closure, and the outcomes report, recomputed here from the raw rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutcomesReport } from '@bds/shared';
import { createTestContext, type Caller, type TestContext } from './helpers.ts';
import { activeProject, approvingEvaluation, ptriBody } from './ptri-fixtures.ts';

let ctx: TestContext;
let uvm: Caller;
let closedId: number;
let openId: number;
let closedPersonId: number;

const review = (date: string, honos: number[], living: string, work: string) => ({
  date,
  kind: 'review',
  members: approvingEvaluation.members,
  outcome: 'approved',
  scores: { honos },
  living,
  work,
});

beforeAll(async () => {
  ctx = await createTestContext();
  uvm = await ctx.as('uvm.bologna');
  const a = await activeProject(ctx);
  closedId = a.ptri.id;
  closedPersonId = a.person.id;
  const b = await activeProject(ctx);
  openId = b.ptri.id;
  const post = (id: number, body: object) => uvm({ method: 'POST', url: `/api/ptris/${id}/evaluations`, payload: body });
  // A: from residential care to supported housing, no work to an internship, HoNOS 16 → 9, then closed.
  expect((await post(closedId, review('2025-04-10', [2, 1, 0, 3, 1, 2, 1, 4, 0, 1, 2, 1], 'residential', 'none'))).statusCode).toBe(201);
  expect(
    (await post(closedId, review('2025-07-10', [1, 1, 0, 1, 1, 1, 0, 2, 0, 1, 1, 0], 'supported_housing', 'internship'))).statusCode,
  ).toBe(201);
  const final = await post(closedId, {
    date: '2025-10-01',
    kind: 'final',
    members: approvingEvaluation.members,
    outcome: 'approved',
    living: 'own_home',
    work: 'internship',
    goalOutcomes: { habitat: 'achieved', work: 'partly_achieved' },
  });
  expect(final.statusCode, final.body).toBe(201);
  // B: one review, family to family; HoNOS 16 → 20 (a setback).
  expect((await post(openId, review('2025-06-01', [2, 2, 1, 3, 2, 2, 1, 4, 0, 1, 2, 0], 'family', 'training'))).statusCode).toBe(201);
});
afterAll(() => ctx.close());

describe('a contact after closure', () => {
  it('is recorded by the case manager on a closed project, from the closure to today', async () => {
    const cm = await ctx.as('cm.navile');
    const res = await cm({
      method: 'POST',
      url: `/api/ptris/${closedId}/follow-ups`,
      payload: { date: '2025-12-15', living: 'own_home', work: 'employed', note: 'Assunto part-time' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = await cm({ method: 'GET', url: `/api/ptris/${closedId}/follow-ups` });
    expect(list.json()).toMatchObject([{ date: '2025-12-15', living: 'own_home', work: 'employed', note: 'Assunto part-time' }]);
  });

  it('is refused on a project still open, before the closure, in the future, and to a cooperative', async () => {
    const cm = await ctx.as('cm.navile');
    const body = { date: '2025-12-15', living: 'family', work: 'none' };
    expect((await cm({ method: 'POST', url: `/api/ptris/${openId}/follow-ups`, payload: body })).statusCode).toBe(409);
    const early = await cm({ method: 'POST', url: `/api/ptris/${closedId}/follow-ups`, payload: { ...body, date: '2025-09-30' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ path: 'date', message: expect.stringContaining('01/10/2025') });
    expect(
      (await cm({ method: 'POST', url: `/api/ptris/${closedId}/follow-ups`, payload: { ...body, date: '2999-01-01' } })).statusCode,
    ).toBe(400);
    expect(
      (await cm({ method: 'POST', url: `/api/ptris/${closedId}/follow-ups`, payload: { ...body, living: 'castle' } })).statusCode,
    ).toBe(400);
    const coop = await ctx.as('coop.alfa');
    expect((await coop({ method: 'POST', url: `/api/ptris/${closedId}/follow-ups`, payload: body })).statusCode).toBe(403);
    expect((await coop({ method: 'GET', url: `/api/ptris/${closedId}/follow-ups` })).statusCode).toBe(403);
  });
});

/** The report's figures for one service, computed from the raw rows without the report's SQL. */
function recompute(year: number, serviceId: number) {
  const db = ctx.db.$client;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const projects = (
    db
      .prepare('SELECT DISTINCT p.id FROM ptris p JOIN evaluations e ON e.ptri_id = p.id WHERE p.service_id = ? AND e.date BETWEEN ? AND ?')
      .all(serviceId, from, to) as { id: number }[]
  ).map((r) => r.id);
  // Each figure compares the first and the latest evaluation (up to the year's end) that recorded it.
  const recorded = (id: number, column: 'honos_total' | 'living' | 'work') =>
    (
      db
        .prepare(`SELECT ${column} AS v FROM evaluations WHERE ptri_id = ? AND date <= ? AND ${column} IS NOT NULL ORDER BY date, id`)
        .all(id, to) as { v: string | number }[]
    ).map((r) => r.v);
  const changes: number[] = [];
  const living = new Map<string, number>();
  const work = new Map<string, number>();
  const countMove = (moves: Map<string, number>, values: (string | number)[]) => {
    if (values.length >= 2) moves.set(`${values[0]}>${values.at(-1)}`, (moves.get(`${values[0]}>${values.at(-1)}`) ?? 0) + 1);
  };
  for (const id of projects) {
    const honos = recorded(id, 'honos_total') as number[];
    if (honos.length >= 2) changes.push(honos.at(-1)! - honos[0]!);
    countMove(living, recorded(id, 'living'));
    countMove(work, recorded(id, 'work'));
  }
  const goals = db
    .prepare(`SELECT axis, status, COUNT(*) AS n FROM goals WHERE ptri_id IN (${projects.join(',') || 0}) GROUP BY axis, status`)
    .all() as { axis: string; status: string; n: number }[];
  const followUps = (
    db
      .prepare('SELECT COUNT(*) AS n FROM follow_ups f JOIN ptris p ON p.id = f.ptri_id WHERE p.service_id = ? AND f.date BETWEEN ? AND ?')
      .get(serviceId, from, to) as { n: number }
  ).n;
  return { evaluated: projects.length, changes: changes.sort((a, b) => a - b), living, work, goals, followUps };
}

describe('the outcomes report', () => {
  it('equals its recomputation from the raw rows', async () => {
    const manager = await ctx.as('manager');
    const res = await manager({ method: 'GET', url: '/api/reports/outcomes?year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as OutcomesReport;
    const row = report.rows.find((r) => r.serviceId === ctx.world.services.navile)!;
    const expected = recompute(2025, ctx.world.services.navile);
    expect(row.evaluated).toBe(expected.evaluated);
    expect(row.honos.pairs).toBe(expected.changes.length);
    expect(row.honos.meanChange).toBeCloseTo(expected.changes.reduce((a, b) => a + b, 0) / expected.changes.length, 1);
    expect(new Map(row.living.map((t) => [`${t.from}>${t.to}`, t.n]))).toEqual(expected.living);
    expect(new Map(row.work.map((t) => [`${t.from}>${t.to}`, t.n]))).toEqual(expected.work);
    const key = { achieved: 'achieved', partly_achieved: 'partlyAchieved', not_achieved: 'notAchieved', open: 'open' } as const;
    for (const g of expected.goals) expect(row.goals[g.axis as 'habitat'][key[g.status as keyof typeof key]]).toBe(g.n);
    expect(row.followUps).toBe(expected.followUps);
  });

  it('says what happened, in figures worked out by hand', async () => {
    const manager = await ctx.as('manager');
    const row = ((await manager({ method: 'GET', url: '/api/reports/outcomes?year=2025' })).json() as OutcomesReport).rows[0]!;
    // A: HoNOS 16 → 9 (−7); B: 16 → 20 (+4). A's final evaluation has no scores, so its latest HoNOS is July's.
    expect(row).toMatchObject({ evaluated: 2, honos: { pairs: 2, meanChange: -1.5, medianChange: -1.5 }, followUps: 1 });
    // B recorded its living and work situation once only: no first and latest to compare.
    expect(row.living).toEqual([{ from: 'residential', to: 'own_home', n: 1 }]);
    expect(row.work).toEqual([{ from: 'none', to: 'internship', n: 1 }]);
    expect(row.goals.habitat).toMatchObject({ achieved: 1, open: 1 });
    expect(row.goals.work).toMatchObject({ partlyAchieved: 1, open: 1 });
  });

  it('is refused to a UVM member and a cooperative, and written as CSV', async () => {
    expect((await uvm({ method: 'GET', url: '/api/reports/outcomes?year=2025' })).statusCode).toBe(403);
    const manager = await ctx.as('manager');
    const csv = await manager({ method: 'GET', url: '/api/reports/outcomes?year=2025&format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Struttura residenziale → Casa propria: 1');
    expect(csv.body).toContain(';Obiettivi Casa/Habitat sociale raggiunti;');
    expect(csv.body).not.toMatch(/Obiettivi (habitat|sociality|work) /);
  });
});

describe('continuity', () => {
  it("lets a new project name the one it renews, and the person's page shows the chain", async () => {
    const cm = await ctx.as('cm.navile');
    const res = await cm({
      method: 'POST',
      url: '/api/ptris',
      payload: ptriBody(ctx, closedPersonId, { renews: closedId, startDate: '2025-11-01', endDate: '2026-10-31' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const person = (await cm({ method: 'GET', url: `/api/persons/${closedPersonId}` })).json() as {
      projects: { id: number; renewsPtriId: number | null }[];
    };
    expect(person.projects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: res.json().id, renewsPtriId: closedId }),
        expect.objectContaining({ id: closedId, renewsPtriId: null }),
      ]),
    );
  });

  it("refuses to renew another person's project or one outside the caller's scope", async () => {
    const cm = await ctx.as('cm.navile');
    const other = await cm({ method: 'POST', url: '/api/ptris', payload: ptriBody(ctx, closedPersonId, { renews: openId }) });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].path).toBe('renews');
    const budrio = await ctx.as('cm.budrio');
    expect(
      (
        await budrio({
          method: 'POST',
          url: '/api/ptris',
          payload: { ...ptriBody(ctx, closedPersonId, { renews: closedId }), serviceId: ctx.world.services.budrio },
        })
      ).statusCode,
    ).toBe(400);
  });
});
