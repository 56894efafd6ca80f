// The yearly counts' live correction: the counters kept by triggers cannot follow today, so the
// projects on the wrong side of it — open past their planned end before the year began, activated
// after today — are recounted from their rows. These tests hold what it counts, and that it finds
// those projects by key ranges of an index even where the statistics of a million projects make
// another index look cheaper (on tier L the planner read every activated project of the lot: 400 ms).
import { afterEach, describe, expect, it } from 'vitest';
import { schema, type Db } from '@bds/db';
import { clockAt } from '@bds/shared';
import { usersOfLotInYear } from '@bds/server/figures/definitions.ts';
import { yearlyUsersByService } from '@bds/server/reports/queries.ts';
import { createTestContext, personBody, type TestContext } from './helpers.ts';
import { loadTierLStatistics, plansOf } from './query-plans.ts';

const TODAY = '2026-06-15';
let ctx: TestContext;
afterEach(() => ctx.close());

async function projectOf(service: 'navile' | 'budrio', period: { activatedOn: string; endDate: string }) {
  const manager = await ctx.as(service === 'navile' ? 'cm.navile' : 'cm.budrio');
  const person = await manager({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
  expect(person.statusCode, person.body).toBe(201);
  ctx.db
    .insert(schema.ptris)
    .values({
      personId: person.json<{ id: number }>().id,
      serviceId: ctx.world.services[service],
      lotId: ctx.world.lots.lot1,
      status: 'active',
      intensity: 'medium',
      startDate: period.activatedOn,
      endDate: period.endDate,
      activatedOn: period.activatedOn,
      updatedAt: `${TODAY}T08:00:00.000Z`,
    })
    .run();
}

async function reported(username: string) {
  const res = await (await ctx.as(username))({ method: 'GET', url: '/api/reports/yearly-counts?year=2026&lot=1' });
  expect(res.statusCode, res.body).toBe(200);
  const { rows, total } = res.json<{ rows: { serviceId: number; users: number }[]; total: number }>();
  return { perService: rows.map(({ serviceId, users }) => ({ serviceId, users })).sort((a, b) => a.serviceId - b.serviceId), total };
}

/** The counters' own figure for 2026, before any correction. */
const counted = (db: Db) =>
  db.$client.prepare('SELECT users FROM yearly_lot_users WHERE year = 2026 AND lot_number = 1').pluck().get() ?? 0;

describe('yearly counts of the current year', () => {
  it('counts a project open past its planned end, and a project activated after today only from that day', async () => {
    ctx = await createTestContext({ clock: clockAt(TODAY) });
    const { navile, budrio } = ctx.world.services;
    // Planned to end in 2025, still open: the counters stop at 2025.
    await projectOf('navile', { activatedOn: '2024-03-01', endDate: '2025-01-31' });
    // Activated after today: the counters already count 2026.
    await projectOf('budrio', { activatedOn: '2026-09-01', endDate: '2027-08-31' });
    await projectOf('budrio', { activatedOn: '2026-02-01', endDate: '2027-01-31' });
    expect(counted(ctx.db)).toBe(2);

    // Navile's overdue project all year; Budrio's second project from its activation day on.
    for (const [today, budrioUsers] of [
      [TODAY, 1],
      ['2026-09-01', 2],
    ] as const) {
      ctx.clock.setToday(today);
      const perService = [
        { serviceId: navile, users: 1 },
        { serviceId: budrio, users: budrioUsers },
      ];
      const expected = { perService, total: 1 + budrioUsers };
      expect(await reported('manager'), today).toEqual(expected);
      expect(usersOfLotInYear(ctx.db, 2026, 1, today), today).toEqual(expected);
      expect(await reported('cm.navile'), today).toEqual({ perService: [perService[0]], total: 1 });
      expect(await reported('cm.budrio'), today).toEqual({ perService: [perService[1]], total: budrioUsers });
    }
  });

  it('reads the projects it recounts by key ranges of an index, with the statistics of a million projects', async () => {
    ctx = await createTestContext({ clock: clockAt(TODAY) });
    const client = ctx.db.$client;
    loadTierLStatistics(client);
    const reads = plansOf(client, (db) => {
      for (const year of [2025, 2026])
        for (const serviceId of [null, ctx.world.services.navile]) yearlyUsersByService(db, year, 1, serviceId, TODAY);
    })
      .flat()
      .filter((detail) => /\b(ptris|ptri_years)\b|\b(p|y)\b USING/.test(detail));
    expect(reads.length).toBeGreaterThan(0);
    const keyRanges = [
      /^SEARCH ptris USING INDEX ptris_open_end_idx \(end_date<\?\)$/,
      /^SEARCH ptris USING INDEX ptris_lot_period_idx \(lot_id=\? AND activated_on>\? AND activated_on<\?\)$/,
      /^SEARCH p USING INDEX ptris_person_idx \(person_id=\?\)$/,
      /^SEARCH y USING COVERING INDEX ptri_years_person_idx \(year=\? AND lot_number=\? AND person_id=\?( AND service_id=\?)?\)$/,
    ];
    for (const read of reads)
      expect(
        keyRanges.some((range) => range.test(read)),
        read,
      ).toBe(true);
  });
});
