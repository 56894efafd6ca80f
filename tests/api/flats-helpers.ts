// Builders for the Lot 3 tests: a Lot 3 lot whose executing member is Alfa, flats, and active
// Lot 3 projects through the real API.
import { expect } from 'vitest';
import type { TestContext } from './helpers.ts';
import { activeProject } from './work-helpers.ts';

export async function lot3(ctx: TestContext, executing: ('alfa' | 'beta')[] = ['alfa']) {
  const admin = await ctx.as('admin');
  const res = await admin({
    method: 'POST',
    url: '/api/lots',
    payload: {
      number: 3,
      title: 'Progetti di convivenza sull’abitare di transizione (CSM)',
      tenderYear: 2024,
      tenderStart: '2024-01-01',
      tenderEnd: '2027-12-31',
      serviceKinds: ['CSM'],
      contractor: 'Consorzio test',
      cooperativeIds: [ctx.world.coops.alfa, ctx.world.coops.beta],
      executingCooperativeIds: executing.map((name) => ctx.world.coops[name]),
      hourlyRate: 24,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

export async function flat(ctx: TestContext, lotId: number, overrides: Record<string, unknown> = {}) {
  const res = await (
    await ctx.as('admin')
  )({
    method: 'POST',
    url: '/api/flats',
    payload: {
      name: 'Casa Saragozza',
      districtId: ctx.world.districts.bologna,
      address: 'Via Saragozza 10, Bologna',
      places: 2,
      lotId,
      cooperativeId: ctx.world.coops.alfa,
      openedOn: '2024-01-01',
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

/** An active Lot 3 project of a service, assigned to Alfa; returns its id and person. */
export function lot3Project(ctx: TestContext, lotId: number, service: 'navile' | 'budrio' = 'navile', givenName = 'Mario') {
  return activeProject(ctx, { lotId, service, givenName });
}
