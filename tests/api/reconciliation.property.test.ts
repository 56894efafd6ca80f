// On random projects whose rows follow the lifecycle (activated once approved, closed on a day
// up to today), every pair of reports that show the same quantity agree exactly: active projects
// in the caseload and in the project list; overdue reviews in the reviews due, the caseload and the
// list filter; expired projects in the caseload and the list; users of a lot in the yearly counts
// and distinct persons among the projects the list finds in care in that year.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockAt, type Caseload, type PtriSummary, type ReviewsDue, type YearlyCounts } from '@bds/shared';
import { createTestContext, personBody, type Caller, type TestContext } from './helpers.ts';

const TODAY = '2026-06-15';
// Days from 2024-01-01 to 2027-06-30, around the pinned today.
const FIRST_DAY = Date.parse('2024-01-01T00:00:00Z');
const dayAt = (n: number) => new Date(FIRST_DAY + n * 86_400_000).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 1276 }).map(dayAt);
const pastDay = fc.integer({ min: 0, max: 896 }).map(dayAt); // up to 2026-06-15

const project = fc.record({
  person: fc.nat(3),
  service: fc.constantFrom('navile', 'budrio') as fc.Arbitrary<'navile' | 'budrio'>,
  lot: fc.constantFrom('lot1', 'lot2') as fc.Arbitrary<'lot1' | 'lot2'>,
  status: fc.constantFrom('draft', 'submitted', 'active', 'suspended', 'closed', 'rejected'),
  activatedOn: pastDay,
  endDate: day,
  closedAfter: fc.nat(400),
  nextReview: fc.option(day, { nil: null, freq: 4 }),
});
type Project = typeof project extends fc.Arbitrary<infer T> ? T : never;

async function write(ctx: TestContext, projects: Project[]) {
  const cm = await ctx.as('cm.navile');
  const persons: number[] = [];
  for (let i = 0; i < 4; i++)
    persons.push((await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) })).json().id);
  const insert = ctx.db.$client
    .prepare(`INSERT INTO ptris (person_id, service_id, lot_id, status, intensity, start_date, end_date, activated_on, ended_on,
      next_review_date, updated_at) VALUES (?, ?, ?, ?, 'medium', ?, ?, ?, ?, ?, '2024-01-01T00:00:00Z')`);
  for (const p of projects) {
    const activated = ['active', 'suspended', 'closed'].includes(p.status);
    const closedOn = dayAt(Math.min(896, (Date.parse(`${p.activatedOn}T00:00:00Z`) - FIRST_DAY) / 86_400_000 + p.closedAfter));
    insert.run(
      persons[p.person],
      ctx.world.services[p.service],
      ctx.world.lots[p.lot],
      p.status,
      p.activatedOn,
      p.endDate,
      activated ? p.activatedOn : null,
      p.status === 'closed' ? closedOn : null,
      activated ? p.nextReview : null,
    );
  }
}

async function listAll(call: Caller, filter: string): Promise<PtriSummary[]> {
  const items: PtriSummary[] = [];
  let cursor: string | null = null;
  do {
    const res = await call({
      method: 'GET',
      url: `/api/ptris?limit=500&${filter}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: PtriSummary[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function expectReportsAgree(ctx: TestContext) {
  const manager = await ctx.as('manager');
  const json = async <T>(url: string) => {
    const res = await manager({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  const caseload = await json<Caseload>('/api/reports/caseload');
  const reviews = await json<ReviewsDue>('/api/reports/reviews-due?within=0&limit=2000');
  const open = [...(await listAll(manager, 'status=active')), ...(await listAll(manager, 'status=suspended'))];
  const overdue = await listAll(manager, 'reviewOverdue=true');
  const expired = await listAll(manager, 'expired=true');

  expect(caseload.total, 'active projects: caseload and list').toBe(open.length);
  const caseloadOverdue = caseload.rows.reduce((n, r) => n + r.reviewsOverdue, 0);
  expect(caseloadOverdue, 'overdue reviews: caseload and reviews due').toBe(reviews.overdue);
  expect(overdue.length, 'overdue reviews: list filter and reviews due').toBe(reviews.overdue);
  expect(
    caseload.rows.reduce((n, r) => n + r.expired, 0),
    'expired: caseload and list filter',
  ).toBe(expired.length);
  expect(open.filter((p) => p.expired).length, 'expired: list flag and list filter').toBe(expired.length);

  for (const lot of ['lot1', 'lot2'] as const) {
    const lotNumber = lot === 'lot1' ? 1 : 2;
    for (const year of [2024, 2025, 2026, 2027]) {
      const counts = await json<YearlyCounts>(`/api/reports/yearly-counts?year=${year}&lot=${lotNumber}`);
      const inCare = await listAll(manager, `activeIn=${year}&lotId=${ctx.world.lots[lot]}`);
      expect(counts.total, `users of lot ${lotNumber} in ${year}: yearly counts and list`).toBe(
        new Set(inCare.map((p) => p.personId)).size,
      );
      for (const row of counts.rows) {
        expect(row.users, `users of lot ${lotNumber} in ${year} at service ${row.serviceId}`).toBe(
          new Set(inCare.filter((p) => p.serviceId === row.serviceId).map((p) => p.personId)).size,
        );
      }
    }
  }
}

describe('reports that show the same quantity', () => {
  it('agree exactly on any set of projects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(project, { minLength: 1, maxLength: 25 }), async (projects) => {
        const ctx = await createTestContext({ clock: clockAt(TODAY) });
        try {
          await write(ctx, projects);
          await expectReportsAgree(ctx);
        } finally {
          await ctx.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
