// After any sequence of project rows written, changed and deleted directly — periods of care,
// planned ends, closures, review dates, intensities, services, statuses and open-goal counters,
// across month and year ends — the caseload and review-date summaries (kept by triggers on
// ptris) equal their recomputation, and the caseload and reviews-due reports read from them equal
// the figures' definitions on every day up to today where a figure changes. The API property tests reach the
// same triggers through the lifecycle; writing rows directly reaches every combination of dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestContext, personBody, type TestContext } from './helpers.ts';
import { clockAt } from '@bds/shared';
import { expectReportsEqualDefinitions, recomputedReportSummaries, storedReportSummaries } from './report-summaries.ts';

// Days from 2025-10-01 to 2027-02-28 around a pinned today, across two year ends.
const TODAY = '2026-06-15';
const FIRST_DAY = Date.parse('2025-10-01T00:00:00Z');
const day = fc.integer({ min: 0, max: 515 }).map((n) => new Date(FIRST_DAY + n * 86_400_000).toISOString().slice(0, 10));
const maybeDay = fc.option(day, { nil: null, freq: 3 });
const service = fc.constantFrom('navile', 'budrio') as fc.Arbitrary<'navile' | 'budrio'>;
const status = fc.constantFrom('draft', 'submitted', 'active', 'suspended', 'closed');
const intensity = fc.constantFrom('high', 'medium', 'low');
const goals = fc.integer({ min: 0, max: 3 });

const project = fc.record({
  service,
  status,
  intensity,
  activatedOn: maybeDay,
  endDate: day,
  endedOn: fc.option(day, { nil: null, freq: 4 }),
  nextReview: maybeDay,
  habitat: goals,
  sociality: goals,
  work: goals,
});
const columns = {
  service,
  status,
  intensity,
  activatedOn: maybeDay,
  endDate: day,
  endedOn: maybeDay,
  nextReview: maybeDay,
  habitat: goals,
  sociality: goals,
  work: goals,
};
const insert = fc.record({ op: fc.constant('insert' as const), project });
const operation = fc.oneof(
  { arbitrary: insert, weight: 3 },
  // One column at a time (each trigger's own case), or several in one statement.
  {
    arbitrary: fc.oneof(
      ...Object.entries(columns).map(([key, value]) =>
        fc.record({ op: fc.constant('update' as const), pick: fc.nat(), changes: fc.record({ [key]: value }) }),
      ),
    ),
    weight: 4,
  },
  {
    arbitrary: fc.record({ op: fc.constant('update' as const), pick: fc.nat(), changes: fc.record(columns, { requiredKeys: [] }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('goals' as const), pick: fc.nat(), habitat: goals, sociality: goals, work: goals }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }), weight: 1 },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const COLUMNS = {
  service: 'service_id',
  status: 'status',
  intensity: 'intensity',
  activatedOn: 'activated_on',
  endDate: 'end_date',
  endedOn: 'ended_on',
  nextReview: 'next_review_date',
  habitat: 'open_goals_habitat',
  sociality: 'open_goals_sociality',
  work: 'open_goals_work',
} as const;

async function run(ctx: TestContext, ops: Operation[]) {
  const client = ctx.db.$client;
  const registered = await (
    await ctx.as('cm.navile')
  )({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
  const personId: number = registered.json().id;
  const value = (key: keyof typeof COLUMNS, v: string | number | null) =>
    key === 'service' ? ctx.world.services[v as 'navile' | 'budrio'] : v;
  const ids = () => (client.prepare('SELECT id FROM ptris ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  for (const o of ops) {
    if (o.op === 'insert') {
      const p = o.project;
      client
        .prepare(
          `INSERT INTO ptris (person_id, service_id, lot_id, status, intensity, start_date, end_date, activated_on, ended_on,
          next_review_date, open_goals_habitat, open_goals_sociality, open_goals_work, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00Z')`,
        )
        .run(
          personId,
          ctx.world.services[p.service],
          ctx.world.lots.lot1,
          p.status,
          p.intensity,
          p.activatedOn ?? p.endDate,
          p.endDate,
          p.activatedOn,
          p.endedOn,
          p.nextReview,
          p.habitat,
          p.sociality,
          p.work,
        );
      continue;
    }
    const all = ids();
    const id = all[o.pick % Math.max(all.length, 1)];
    if (id === undefined) continue;
    if (o.op === 'delete') client.prepare('DELETE FROM ptris WHERE id = ?').run(id);
    else if (o.op === 'goals') {
      client
        .prepare('UPDATE ptris SET open_goals_habitat = ?, open_goals_sociality = ?, open_goals_work = ? WHERE id = ?')
        .run(o.habitat, o.sociality, o.work, id);
    } else {
      const keys = Object.keys(o.changes) as (keyof typeof COLUMNS)[];
      if (keys.length === 0) continue;
      client
        .prepare(`UPDATE ptris SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`)
        .run(...keys.map((k) => value(k, o.changes[k] ?? null)), id);
    }
  }
}

describe('caseload and review-date summaries', () => {
  it('equal their recomputation, and the reports equal their definitions, after any sequence of project writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(insert, { minLength: 2, maxLength: 10 }),
        fc.array(operation, { minLength: 5, maxLength: 30 }),
        async (projects, ops) => {
          const ctx = await createTestContext({ clock: clockAt(TODAY) });
          try {
            await run(ctx, [...projects, ...ops]);
            expect(storedReportSummaries(ctx.db)).toEqual(recomputedReportSummaries(ctx.db));
            await expectReportsEqualDefinitions(ctx, TODAY);
          } finally {
            await ctx.close();
          }
        },
      ),
      { numRuns: 50 },
    );
  }, 180_000);
});
