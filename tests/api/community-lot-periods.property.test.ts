// Lot 4's other participants per period, lot and cooperative are counters kept by the triggers of
// migration 0175. After any sequence of activity periods added (as a session adds to them),
// corrected, deleted, and activities moved to another lot or cooperative, the counters equal the
// plain sum over the activity periods, and the lot totals' reader lists exactly its groups.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityFiguresOfPeriod } from '@bds/server/community-activities/queries.ts';
import { createTestContext, type TestContext } from './helpers.ts';
import { addLot4, plainLotPeriods, storedLotPeriods, updateActivityPeriod, dropActivityPeriod } from './community-helpers.ts';
import { afterAnyWrites, expectEachTriggerNeeded, rowWrites } from './summary-triggers.ts';

const PERIODS = ['2025', '2025-03', '2025-04'] as const;

let ctx: TestContext;
let lot4: number;
let activities: number[];

beforeAll(async () => {
  ctx = await createTestContext();
  lot4 = addLot4(ctx, [ctx.world.coops.alfa, ctx.world.coops.beta]);
});
afterAll(() => ctx.close());

const periodFields = { period: fc.constantFrom(...PERIODS), activity: fc.nat(3), others: fc.nat(12) };
const operation = fc.oneof(
  ...rowWrites(periodFields, 'add', 'change', 'drop'),
  fc.record({ op: fc.constant('move' as const), activity: fc.nat(3), beta: fc.boolean(), otherLot: fc.boolean() }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function freshActivities() {
  const client = ctx.db.$client;
  client.exec('DELETE FROM community_activity_period_persons; DELETE FROM community_activity_periods; DELETE FROM community_activities');
  const insert = client.prepare(
    `INSERT INTO community_activities (title, axis, district_id, place, cooperative_id, lot_id, from_date)
     VALUES ('Attività', 'sociality', ?, 'Bologna', ?, ?, '2025-01-01')`,
  );
  activities = [0, 1, 2, 3].map(
    (i) => insert.run(ctx.world.districts.bologna, i < 2 ? ctx.world.coops.alfa : ctx.world.coops.beta, lot4).lastInsertRowid as number,
  );
}

function apply(o: Operation) {
  const client = ctx.db.$client;
  const picked = (n: number) => {
    const rows = client.prepare('SELECT rowid AS id FROM community_activity_periods ORDER BY period, activity_id').all() as {
      id: number;
    }[];
    return rows[n % Math.max(rows.length, 1)]?.id;
  };
  if (o.op === 'add') {
    // As a recorded session adds to its activity's period (queries.addToPeriodSummaries).
    client
      .prepare(
        `INSERT INTO community_activity_periods (period, activity_id, sessions, minutes, billed_minutes, amount_cents, attendances, other_participants, volunteers)
         VALUES (?, ?, 1, 60, 60, 2650, 0, ?, 0)
         ON CONFLICT (period, activity_id) DO UPDATE SET sessions = sessions + 1, other_participants = other_participants + excluded.other_participants`,
      )
      .run(o.period, activities[o.activity], o.others);
  } else if (o.op === 'change') {
    const id = picked(o.pick);
    const { period, activity, others } = o.changes;
    const columns = {
      ...(period === undefined ? {} : { period }),
      ...(activity === undefined ? {} : { activity_id: activities[activity] }),
      ...(others === undefined ? {} : { other_participants: others }),
    };
    updateActivityPeriod(ctx, id, columns);
  } else if (o.op === 'drop') {
    dropActivityPeriod(ctx, picked(o.pick));
  } else {
    client
      .prepare('UPDATE community_activities SET cooperative_id = ?, lot_id = ? WHERE id = ?')
      .run(o.beta ? ctx.world.coops.beta : ctx.world.coops.alfa, o.otherLot ? ctx.world.lots.lot2 : lot4, activities[o.activity]);
  }
}

const stored = () => storedLotPeriods(ctx.db);

function expectCountersEqualPlain() {
  const groups = plainLotPeriods(ctx.db);
  expect(stored()).toEqual(groups);
  for (const period of PERIODS)
    for (const cooperativeId of [null, ctx.world.coops.alfa, ctx.world.coops.beta]) {
      const mine = groups.filter((g) => g.period === period && (cooperativeId === null || g.cooperativeId === cooperativeId));
      const perLot = [...new Set(mine.map((g) => g.lotId))].map((lotId) => ({
        lotId,
        cooperativeId: null,
        otherParticipants: mine.filter((g) => g.lotId === lotId).reduce((n, g) => n + g.otherParticipants, 0),
      }));
      const read = communityFiguresOfPeriod(ctx.db, period, cooperativeId).map(({ lotId, cooperativeId: coop, otherParticipants }) => ({
        lotId,
        cooperativeId: coop,
        otherParticipants,
      }));
      expect(read).toEqual([
        ...mine.map(({ lotId, cooperativeId: coop, otherParticipants }) => ({ lotId, cooperativeId: coop, otherParticipants })),
        ...perLot,
      ]);
    }
}

const property = afterAnyWrites(
  operation,
  (ops) => {
    freshActivities();
    for (const o of ops) apply(o);
  },
  expectCountersEqualPlain,
);

describe('Lot 4 other participants kept by triggers', () => {
  it('equal the sum over the activity periods after any additions, corrections, deletions and moves', () => {
    fc.assert(property, { numRuns: 100 });
  });

  it('leave no group behind once its last activity period is gone', () => {
    freshActivities();
    apply({ op: 'add', period: '2025', activity: 0, others: 0 });
    expect(stored()).toEqual([{ period: '2025', lotId: lot4, cooperativeId: ctx.world.coops.alfa, activities: 1, otherParticipants: 0 }]);
    ctx.db.$client.exec('DELETE FROM community_activity_periods');
    expect(stored()).toEqual([]);
  });

  it('needs each of its four triggers', () => {
    expectEachTriggerNeeded(ctx.db, 'community_lot_periods', 4, property);
  });
});
