// A world with records on both sides of every scope boundary: a Navile project (district
// Bologna, cooperative Alfa) and a Budrio one (district Pianura Est, cooperative Beta), each
// active, evaluated, with an intervention; the signed-in callers of the five roles.
import type { Role } from '@bds/shared';
import { createTestContext, personBody, type Caller, type ContextOptions, type TestContext, SUBMITTED_ON } from '../api/helpers.ts';
import { approvingEvaluation, ptriBody } from '../api/ptri-fixtures.ts';

/** One account per role, all scoped to the Navile / Bologna / Alfa side. */
export const ROLE_USERS: Record<Role, string> = {
  admin: 'admin',
  manager: 'manager',
  case_manager: 'cm.navile',
  uvm: 'uvm.bologna',
  cooperative: 'coop.alfa',
  social_worker: 'sw.bologna',
};
export const ROLES = Object.keys(ROLE_USERS) as Role[];

export const INTERVENTION = {
  date: '2025-02-10',
  axis: 'habitat',
  activity: "Accompagnamento all'abitare",
  hours: 2,
  operatorRole: 'educatore',
};

export interface Side {
  personId: number;
  ptriId: number;
  interventionId: number;
  cooperativeId: number;
}

export interface Fixtures {
  ctx: TestContext;
  callers: Record<Role, Caller>;
  /** In scope for every role's account. */
  mine: Side;
  /** Outside the scope of every scoped account (another service, district and cooperative). */
  other: Side;
  /** A community resource that a budget line of each side's project points at. */
  resourceId: number;
}

async function expectOk(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as { id: number; version: number };
}

async function activeSide(
  ctx: TestContext,
  cmUser: string,
  uvmUser: string,
  coopUser: string,
  serviceId: number,
  districtId: number,
  cooperativeId: number,
  stem: string,
): Promise<Side> {
  const cm = await ctx.as(cmUser);
  const person = await expectOk(
    await cm({ method: 'POST', url: '/api/persons', payload: personBody(districtId, { familyName: `Cognome${stem}` }) }),
    'person',
  );
  const ptri = await expectOk(
    await cm({ method: 'POST', url: '/api/ptris', payload: ptriBody(ctx, person.id, { serviceId, cooperativeIds: [cooperativeId] }) }),
    'ptri',
  );
  await expectOk(
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } }),
    'submit',
  );
  const uvm = await ctx.as(uvmUser);
  await expectOk(
    await uvm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/evaluations`,
      payload: { ...approvingEvaluation, notes: 'Nota clinica riservata' },
    }),
    'evaluation',
  );
  const coop = await ctx.as(coopUser);
  const intervention = await expectOk(
    await coop({ method: 'POST', url: `/api/ptris/${ptri.id}/interventions`, payload: INTERVENTION }),
    'intervention',
  );
  return { personId: person.id, ptriId: ptri.id, interventionId: intervention.id, cooperativeId };
}

/** A resource serving both districts, with the first budget line of each project pointing at it. */
async function sharedResource(ctx: TestContext, ptriIds: number[]): Promise<number> {
  const admin = await ctx.as('admin');
  const resource = await expectOk(
    await admin({
      method: 'POST',
      url: '/api/resources',
      payload: {
        name: 'Orto condiviso',
        kind: 'group',
        axis: 'habitat',
        districtIds: [ctx.world.districts.bologna, ctx.world.districts.pianura],
        provider: 'Associazione Orti APS',
        providerKind: 'ets',
      },
    }),
    'resource',
  );
  const point = ctx.db.$client.prepare(
    'UPDATE budget_lines SET resource_id = ? WHERE id = (SELECT MIN(id) FROM budget_lines WHERE ptri_id = ?)',
  );
  for (const ptriId of ptriIds) point.run(resource.id, ptriId);
  return resource.id;
}

export async function createFixtures(options: ContextOptions = {}): Promise<Fixtures> {
  const ctx = await createTestContext(options);
  const { services, districts, coops } = ctx.world;
  const mine = await activeSide(ctx, 'cm.navile', 'uvm.bologna', 'coop.alfa', services.navile, districts.bologna, coops.alfa, 'Nav');
  const other = await activeSide(ctx, 'cm.budrio', 'uvm.pianura', 'coop.beta', services.budrio, districts.pianura, coops.beta, 'Bud');
  const resourceId = await sharedResource(ctx, [mine.ptriId, other.ptriId]);
  const callers = {} as Record<Role, Caller>;
  for (const role of ROLES) callers[role] = await ctx.as(ROLE_USERS[role]);
  return { ctx, callers, mine, other, resourceId };
}
