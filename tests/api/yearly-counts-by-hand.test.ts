// The yearly count's definition checked on a dataset small enough to count by hand: "users of a
// lot in a year" are the distinct persons with a project of that lot in care on at least one day
// of the year, per responsible service, and once each in the lot's total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@bds/db';
import { createTestContext, fiscalCode, type TestContext } from './helpers.ts';

let ctx: TestContext;

interface Project {
  service: 'navile' | 'budrio' | 'serdp';
  lot: 'lot1' | 'lot2';
  status: 'submitted' | 'active' | 'suspended' | 'closed' | 'rejected';
  activatedOn: string | null;
  endedOn?: string;
  endDate: string;
}

/** Seven persons and their projects; the comment beside each says where it counts. */
const PEOPLE: Record<string, Project[]> = {
  // 2024: Navile (closed in June).
  anna: [{ service: 'navile', lot: 'lot1', status: 'closed', activatedOn: '2024-03-01', endedOn: '2024-06-30', endDate: '2025-02-28' }],
  // 2023, 2024 and 2025: Navile, one project over three years.
  bruno: [{ service: 'navile', lot: 'lot1', status: 'closed', activatedOn: '2023-05-01', endedOn: '2025-04-30', endDate: '2025-04-30' }],
  // 2024: Navile and Budrio (two projects one after the other): a row in each service, once in the total.
  carla: [
    { service: 'navile', lot: 'lot1', status: 'closed', activatedOn: '2024-01-15', endedOn: '2024-05-31', endDate: '2024-12-31' },
    { service: 'budrio', lot: 'lot1', status: 'closed', activatedOn: '2024-09-01', endedOn: '2025-01-31', endDate: '2025-08-31' },
  ],
  // Never in care: submitted and rejected projects have no period of care.
  dario: [
    { service: 'navile', lot: 'lot1', status: 'submitted', activatedOn: null, endDate: '2024-12-31' },
    { service: 'budrio', lot: 'lot1', status: 'rejected', activatedOn: null, endDate: '2024-12-31' },
  ],
  // 2024: Lot 2 only, so never in Lot 1's counts.
  elena: [{ service: 'serdp', lot: 'lot2', status: 'closed', activatedOn: '2024-02-01', endedOn: '2024-10-31', endDate: '2024-12-31' }],
  // 2023 only: closed on the last day of 2023.
  fabio: [{ service: 'budrio', lot: 'lot1', status: 'closed', activatedOn: '2023-01-10', endedOn: '2023-12-31', endDate: '2023-12-31' }],
  // 2025 only: activated on New Year's Day, suspended since (a suspended project stays in care).
  gina: [{ service: 'budrio', lot: 'lot1', status: 'suspended', activatedOn: '2025-01-01', endDate: '2025-12-31' }],
};

beforeAll(async () => {
  ctx = await createTestContext();
  const { db, world } = ctx;
  let n = 0;
  for (const [name, projects] of Object.entries(PEOPLE)) {
    n += 1;
    const personId = db
      .insert(schema.persons)
      .values({
        fiscalCode: fiscalCode(`HNDCNT${String(n).padStart(2, '0')}A01H501`),
        givenName: name,
        familyName: 'Conta',
        searchKey: `conta ${name}`,
        searchKeyAlt: `${name} conta`,
        birthDate: '1980-01-01',
        sex: 'F',
        districtId: world.districts.bologna,
      })
      .returning()
      .get().id;
    for (const p of projects) {
      db.insert(schema.ptris)
        .values({
          personId,
          serviceId: world.services[p.service],
          lotId: world.lots[p.lot],
          status: p.status,
          intensity: 'medium',
          startDate: p.activatedOn ?? '2024-01-01',
          endDate: p.endDate,
          activatedOn: p.activatedOn,
          endedOn: p.endedOn ?? null,
          updatedAt: '2025-06-01T00:00:00.000Z',
        })
        .run();
    }
  }
});
afterAll(() => ctx.close());

async function counts(year: number, lot: number) {
  const manager = await ctx.as('manager');
  const res = await manager({ method: 'GET', url: `/api/reports/yearly-counts?year=${year}&lot=${lot}` });
  expect(res.statusCode, res.body).toBe(200);
  const report = res.json() as { rows: { serviceName: string; users: number }[]; total: number };
  return {
    byService: Object.fromEntries(report.rows.filter((r) => r.users > 0).map((r) => [r.serviceName, r.users])),
    total: report.total,
  };
}

describe('Lot 1 users, counted by hand', () => {
  it('2023: Bruno at Navile, Fabio at Budrio', async () => {
    expect(await counts(2023, 1)).toEqual({ byService: { 'CSM Navile': 1, 'CSM Budrio': 1 }, total: 2 });
  });

  it('2024: Anna, Bruno and Carla at Navile, Carla again at Budrio; four rows but three persons', async () => {
    expect(await counts(2024, 1)).toEqual({ byService: { 'CSM Navile': 3, 'CSM Budrio': 1 }, total: 3 });
  });

  it('2025: Bruno at Navile, Carla (until January) and Gina at Budrio', async () => {
    expect(await counts(2025, 1)).toEqual({ byService: { 'CSM Navile': 1, 'CSM Budrio': 2 }, total: 3 });
  });

  it('Lot 2 in 2024: Elena alone', async () => {
    expect(await counts(2024, 2)).toEqual({ byService: { 'SerDP Bologna': 1 }, total: 1 });
  });
});
