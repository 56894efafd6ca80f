// Lot 4's distinct persons per period and group of activities are counters kept by the triggers
// of migration 0125. After any sequence of attendances, their corrections and deletions, whole
// sessions deleted, and activities moved to another district, axis or cooperative, every counter
// and the two readers built on them equal the plain COUNT(DISTINCT) over the period summaries.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityFiguresOfPeriod, distinctPersonsOfYear } from '@bds/server/community-activities/queries.ts';
import { createTestContext, personBody, type TestContext } from './helpers.ts';
import { addLot4, freshActivities, plainScopeCounts, storedScopeCounts } from './community-helpers.ts';

const PERIODS = ['2025', '2025-03', '2025-04'] as const;
const AXES = ['habitat', 'sociality', 'work'] as const;

let ctx: TestContext;
let persons: number[];
let lot4: number;

beforeAll(async () => {
  ctx = await createTestContext();
  lot4 = addLot4(ctx, [ctx.world.coops.alfa, ctx.world.coops.beta]);
  const cm = await ctx.as('cm.navile');
  persons = [];
  for (let i = 0; i < 4; i++) {
    const res = await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
    expect(res.statusCode, res.body).toBe(201);
    persons.push(res.json<{ id: number }>().id);
  }
});
afterAll(() => ctx.close());

const activityIndex = fc.nat(3);
const operation = fc.oneof(
  fc.record({ op: fc.constant('attend' as const), activity: activityIndex, person: fc.nat(3), period: fc.constantFrom(...PERIODS) }),
  fc.record({ op: fc.constant('unattend' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('correct' as const), pick: fc.nat(), person: fc.nat(3) }),
  fc.record({ op: fc.constant('dropSession' as const), activity: activityIndex, period: fc.constantFrom(...PERIODS) }),
  fc.record({
    op: fc.constant('move' as const),
    activity: activityIndex,
    district: fc.boolean(),
    axis: fc.constantFrom(...AXES),
    beta: fc.boolean(),
    otherLot: fc.boolean(),
  }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(activities: number[], o: Operation) {
  const client = ctx.db.$client;
  const rows = () =>
    client.prepare('SELECT rowid AS id FROM community_activity_period_persons ORDER BY period, activity_id, person_id').all() as {
      id: number;
    }[];
  if (o.op === 'attend') {
    // As a recorded session adds its attendees (queries.addToPeriodSummaries).
    client
      .prepare(
        `INSERT INTO community_activity_period_persons (period, activity_id, person_id, attendances) VALUES (?, ?, ?, 1)
         ON CONFLICT (period, activity_id, person_id) DO UPDATE SET attendances = attendances + 1`,
      )
      .run(o.period, activities[o.activity], persons[o.person]);
    client
      .prepare(
        `INSERT INTO community_activity_periods (period, activity_id, sessions, minutes, billed_minutes, amount_cents, attendances, other_participants, volunteers)
         VALUES (?, ?, 1, 60, 60, 2650, 1, 2, 0)
         ON CONFLICT (period, activity_id) DO UPDATE SET sessions = sessions + 1, other_participants = other_participants + 2`,
      )
      .run(o.period, activities[o.activity]);
  } else if (o.op === 'unattend') {
    const all = rows();
    const target = all[o.pick % Math.max(all.length, 1)];
    if (!target) return;
    client.prepare('UPDATE community_activity_period_persons SET attendances = attendances - 1 WHERE rowid = ?').run(target.id);
    client.prepare('DELETE FROM community_activity_period_persons WHERE rowid = ? AND attendances = 0').run(target.id);
  } else if (o.op === 'correct') {
    // The attendance was another person's.
    const all = rows();
    const target = all[o.pick % Math.max(all.length, 1)];
    if (!target) return;
    client
      .prepare('UPDATE OR IGNORE community_activity_period_persons SET person_id = ? WHERE rowid = ?')
      .run(persons[o.person], target.id);
  } else if (o.op === 'dropSession') {
    for (const table of ['community_activity_period_persons', 'community_activity_periods'])
      client.prepare(`DELETE FROM ${table} WHERE period = ? AND activity_id = ?`).run(o.period, activities[o.activity]);
  } else {
    client
      .prepare('UPDATE community_activities SET district_id = ?, axis = ?, cooperative_id = ?, lot_id = ? WHERE id = ?')
      .run(
        o.district ? ctx.world.districts.pianura : ctx.world.districts.bologna,
        o.axis,
        o.beta ? ctx.world.coops.beta : ctx.world.coops.alfa,
        o.otherLot ? ctx.world.lots.lot2 : lot4,
        activities[o.activity],
      );
  }
}

function plainYear(year: string, filter: string) {
  const rows = `community_activity_period_persons p JOIN community_activities a ON a.id = p.activity_id WHERE p.period = '${year}' ${filter}`;
  const client = ctx.db.$client;
  return {
    byDistrict: client
      .prepare(`SELECT a.district_id AS districtId, COUNT(DISTINCT p.person_id) AS persons FROM ${rows} GROUP BY 1 ORDER BY 1`)
      .all(),
    byAxis: client.prepare(`SELECT a.axis AS axis, COUNT(DISTINCT p.person_id) AS persons FROM ${rows} GROUP BY 1 ORDER BY 1`).all(),
    total: (client.prepare(`SELECT COUNT(DISTINCT p.person_id) AS n FROM ${rows}`).get() as { n: number }).n,
  };
}

function plainLotPersons(period: string, cooperativeId: number | null) {
  const only = cooperativeId === null ? '' : `AND a.cooperative_id = ${cooperativeId}`;
  const rows = `community_activity_period_persons p JOIN community_activities a ON a.id = p.activity_id WHERE p.period = '${period}' ${only}`;
  const client = ctx.db.$client;
  const perCooperative = client
    .prepare(
      `SELECT a.lot_id AS lotId, a.cooperative_id AS cooperativeId, COUNT(DISTINCT p.person_id) AS persons FROM ${rows} GROUP BY 1, 2`,
    )
    .all() as { lotId: number; cooperativeId: number; persons: number }[];
  const perLot = client
    .prepare(`SELECT a.lot_id AS lotId, NULL AS cooperativeId, COUNT(DISTINCT p.person_id) AS persons FROM ${rows} GROUP BY 1`)
    .all() as { lotId: number; cooperativeId: null; persons: number }[];
  return [...perCooperative, ...perLot];
}

const byKey = (a: { lotId: number; cooperativeId: number | null }, b: { lotId: number; cooperativeId: number | null }) =>
  a.lotId - b.lotId || (a.cooperativeId ?? 0) - (b.cooperativeId ?? 0);

function expectSummariesEqualPlain() {
  expect(storedScopeCounts(ctx.db)).toEqual(plainScopeCounts(ctx.db));
  const { bologna, pianura } = ctx.world.districts;
  const filters = [{}, { districtId: bologna }, { districtId: pianura, axis: 'work' as const }, { axis: 'habitat' as const }];
  for (const filter of filters) {
    const sqlFilter = `${filter.districtId === undefined ? '' : `AND a.district_id = ${filter.districtId}`} ${
      'axis' in filter ? `AND a.axis = '${filter.axis}'` : ''
    }`;
    expect(distinctPersonsOfYear(ctx.db, '2025', filter)).toEqual(plainYear('2025', sqlFilter));
  }
  for (const period of PERIODS)
    for (const cooperativeId of [null, ctx.world.coops.alfa, ctx.world.coops.beta]) {
      // The lot totals list the persons of the lots and cooperatives with sessions in the period.
      const summed = communityFiguresOfPeriod(ctx.db, period, cooperativeId);
      const plain = plainLotPersons(period, cooperativeId);
      expect(summed.map(({ lotId, cooperativeId: coop, persons: n }) => ({ lotId, cooperativeId: coop, persons: n })).sort(byKey)).toEqual(
        summed
          .map(({ lotId, cooperativeId: coop }) => ({
            lotId,
            cooperativeId: coop,
            persons: plain.find((row) => row.lotId === lotId && row.cooperativeId === coop)?.persons ?? 0,
          }))
          .sort(byKey),
      );
      // Every group with persons is listed, since a person attends only at a session.
      for (const row of plain)
        expect(summed.some((s) => byKey(s, row) === 0 && (s.cooperativeId === null) === (row.cooperativeId === null))).toBe(true);
    }
}

describe('Lot 4 distinct persons kept by triggers', () => {
  it('equal COUNT(DISTINCT) over the period summaries after any attendances, corrections, deletions and moves', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 40 }), (ops) => {
        const activities = freshActivities(ctx, lot4, (i) => (i < 2 ? ctx.world.coops.alfa : ctx.world.coops.beta));
        for (const o of ops) apply(activities, o);
        expectSummariesEqualPlain();
      }),
      { numRuns: 60 },
    );
  });

  it('leaves no counter behind once every attendance is gone', () => {
    const activities = freshActivities(ctx, lot4, (i) => (i < 2 ? ctx.world.coops.alfa : ctx.world.coops.beta));
    for (const period of PERIODS) apply(activities, { op: 'attend', activity: 0, person: 1, period });
    expect(storedScopeCounts(ctx.db)).not.toEqual([]);
    ctx.db.$client.exec('DELETE FROM community_activity_period_persons');
    expect(storedScopeCounts(ctx.db)).toEqual([]);
    expect(ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM community_scope_persons').get()).toEqual({ n: 0 });
  });
});
