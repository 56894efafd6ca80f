// Builders for the Lot 4 tests: the lot, an activity and its enrolled projects through the real API.
import { expect } from 'vitest';
import { schema, type Db } from '@bds/db';
import type { Caller, TestContext } from './helpers.ts';

/** Lot 4 (community activities) at 26,50 €/h, with Coop Alfa as its only member unless told otherwise. */
export function addLot4(ctx: TestContext, members = [ctx.world.coops.alfa]): number {
  const id = ctx.db
    .insert(schema.lots)
    .values({
      number: 4,
      title: 'Lotto 4 - Attività di comunità',
      tenderYear: 2024,
      serviceKinds: ['CSM', 'NPIA', 'SerDP'],
      contractor: 'Consorzio test',
      hourlyRateCents: 2650,
      ceilingCents: 50_000_00,
    })
    .returning()
    .get().id;
  for (const cooperativeId of members) ctx.db.insert(schema.lotCooperatives).values({ lotId: id, cooperativeId }).run();
  return id;
}

export function activityBody(ctx: TestContext, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Laboratorio di cucina',
    axis: 'sociality',
    districtId: ctx.world.districts.bologna,
    place: 'Casa di quartiere Navile',
    from: '2025-01-01',
    to: '2025-12-31',
    description: 'Si cucina insieme una volta alla settimana',
    ...overrides,
  };
}

export async function createActivity(ctx: TestContext, overrides: Record<string, unknown> = {}): Promise<number> {
  const coop = await ctx.as('coop.alfa');
  const res = await coop({ method: 'POST', url: '/api/community-activities', payload: activityBody(ctx, overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

export async function enrol(cm: Caller, activityId: number, ptriId: number) {
  const res = await cm({ method: 'POST', url: `/api/community-activities/${activityId}/enrolments`, payload: { ptriId } });
  expect(res.statusCode, res.body).toBe(201);
}

export function sessionBody(overrides: Record<string, unknown> = {}) {
  return { date: '2025-03-05', hours: 2, operators: 2, attendeePtriIds: [], otherParticipants: 4, volunteers: 1, ...overrides };
}

/** The plain definition of Lot 4's distinct persons: per period and group of activities (migration 0125), over the period summaries. */
export function plainScopeCounts(db: Db): string[] {
  const groups = {
    all: "0, 0, ''",
    lot: "a.lot_id, 0, ''",
    cooperative: "a.lot_id, a.cooperative_id, ''",
    district: "a.district_id, 0, ''",
    axis: '0, 0, a.axis',
    district_axis: 'a.district_id, 0, a.axis',
  };
  return Object.entries(groups)
    .flatMap(([kind, columns]) =>
      db.$client
        .prepare(
          `SELECT p.period, '${kind}', ${columns}, COUNT(DISTINCT p.person_id)
           FROM community_activity_period_persons p JOIN community_activities a ON a.id = p.activity_id GROUP BY 1, 3, 4, 5`,
        )
        .raw()
        .all()
        .map((row) => JSON.stringify(row)),
    )
    .sort();
}

/** The counters the triggers keep, in the same form. */
export function storedScopeCounts(db: Db): string[] {
  return db.$client
    .prepare('SELECT period, kind, group_id, cooperative_id, axis, persons FROM community_scope_counts WHERE persons <> 0')
    .raw()
    .all()
    .map((row) => JSON.stringify(row))
    .sort();
}

/** Lot 4's other participants per period, lot and cooperative, as migration 0175 keeps them. */
export type LotPeriodGroup = { period: string; lotId: number; cooperativeId: number; activities: number; otherParticipants: number };

export function storedLotPeriods(db: Db): LotPeriodGroup[] {
  return db.$client
    .prepare(
      `SELECT period, lot_id AS lotId, cooperative_id AS cooperativeId, activities, other_participants AS otherParticipants
       FROM community_lot_periods ORDER BY 1, 2, 3`,
    )
    .all() as LotPeriodGroup[];
}

/** The same, summed over the activity periods. */
export function plainLotPeriods(db: Db): LotPeriodGroup[] {
  return db.$client
    .prepare(
      `SELECT y.period, a.lot_id AS lotId, a.cooperative_id AS cooperativeId, COUNT(*) AS activities, SUM(y.other_participants) AS otherParticipants
       FROM community_activity_periods y JOIN community_activities a ON a.id = y.activity_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all() as LotPeriodGroup[];
}

/**
 * Empties Lot 4's summaries and activities and adds four activities of the lot in Bologna, on the
 * three axes in turn, the i-th run by `cooperativeOf(i)`: what the summaries' property tests start from.
 */
export function freshActivities(ctx: TestContext, lotId: number, cooperativeOf: (i: number) => number): number[] {
  const client = ctx.db.$client;
  client.exec('DELETE FROM community_activity_period_persons; DELETE FROM community_activity_periods; DELETE FROM community_activities');
  const insert = client.prepare(
    `INSERT INTO community_activities (title, axis, district_id, place, cooperative_id, lot_id, from_date)
     VALUES ('Attività', ?, ?, 'Bologna', ?, ?, '2025-01-01')`,
  );
  const axes = ['habitat', 'sociality', 'work'];
  return [0, 1, 2, 3].map((i) => insert.run(axes[i % 3], ctx.world.districts.bologna, cooperativeOf(i), lotId).lastInsertRowid as number);
}

/** Sets `columns` of the activity period at `rowid` directly (a move onto an existing key is ignored). */
export function updateActivityPeriod(ctx: TestContext, rowid: number | undefined, columns: Record<string, unknown>) {
  const keys = Object.keys(columns);
  if (rowid === undefined || keys.length === 0) return;
  ctx.db.$client
    .prepare(`UPDATE OR IGNORE community_activity_periods SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE rowid = ?`)
    .run(...Object.values(columns), rowid);
}

/** Deletes the activity period at `rowid` directly, if there is one. */
export function dropActivityPeriod(ctx: TestContext, rowid: number | undefined) {
  if (rowid !== undefined) ctx.db.$client.prepare('DELETE FROM community_activity_periods WHERE rowid = ?').run(rowid);
}
