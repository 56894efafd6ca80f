// A world with records on both sides of every scope boundary: a Navile project (district
// Bologna, cooperative Alfa) and a Budrio one (district Pianura Est, cooperative Beta), each
// active, evaluated, with an intervention; the signed-in callers of the five roles.
import type { Role } from '@bds/shared';
import { createTestContext, personBody, type Caller, type ContextOptions, type TestContext, SUBMITTED_ON } from '../api/helpers.ts';
import { activityBody, addLot4 } from '../api/community-helpers.ts';
import { approvingEvaluation, ptriBody, signByPerson, writeProject } from '../api/ptri-fixtures.ts';
import { FLAT_WORK } from './route-matrix.ts';

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
  /** A Lot 4 community activity run by the side's cooperative. */
  activityId: number;
}

/** A Lot 3 flat with one resident's open stay. */
export interface FlatSide {
  flatId: number;
  ptriId: number;
  personId: number;
  stayId: number;
  /** Hours of the flat's cooperative for the flat as a whole, in April 2025. */
  workId: number;
}

export interface Fixtures {
  ctx: TestContext;
  callers: Record<Role, Caller>;
  /** In scope for every role's account. */
  mine: Side;
  /** Outside the scope of every scoped account (another service, district and cooperative). */
  other: Side;
  /** Lot 3: Alfa's flat with a Navile resident, Beta's with a Budrio one. */
  flats: { lotId: number; mine: FlatSide; other: FlatSide };
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
    await writeProject(ctx, cm, ptriBody(ctx, person.id, { serviceId, cooperativeIds: [cooperativeId] })),
    'ptri',
  );
  await expectOk(
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } }),
    'submit',
  );
  await signByPerson(cm, ptri.id);
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
  return { personId: person.id, ptriId: ptri.id, interventionId: intervention.id, cooperativeId, activityId: 0 };
}

/**
 * Each side's cooperative runs a Lot 4 activity. Both projects are enrolled in the Navile side's
 * one and attended a session there, so its readers on either side of a scope meet the other person.
 */
async function communityActivities(ctx: TestContext, mine: Side, other: Side) {
  addLot4(ctx, [mine.cooperativeId, other.cooperativeId]);
  const { districts } = ctx.world;
  const create = async (coopUser: string, districtId: number, title: string) =>
    (
      await expectOk(
        await (
          await ctx.as(coopUser)
        )({ method: 'POST', url: '/api/community-activities', payload: activityBody(ctx, { title, districtId, to: null }) }),
        'community activity',
      )
    ).id;
  mine.activityId = await create('coop.alfa', districts.bologna, 'Laboratorio Navile');
  other.activityId = await create('coop.beta', districts.pianura, 'Laboratorio Budrio');
  for (const [cmUser, side] of [
    ['cm.navile', mine],
    ['cm.budrio', other],
  ] as const) {
    const cm = await ctx.as(cmUser);
    await expectOk(
      await cm({ method: 'POST', url: `/api/community-activities/${mine.activityId}/enrolments`, payload: { ptriId: side.ptriId } }),
      'enrolment',
    );
  }
  await expectOk(
    await (
      await ctx.as('coop.alfa')
    )({
      method: 'POST',
      url: `/api/community-activities/${mine.activityId}/sessions`,
      payload: {
        date: '2025-02-12',
        hours: 2,
        operators: 2,
        attendeePtriIds: [mine.ptriId, other.ptriId],
        otherParticipants: 3,
        volunteers: 1,
      },
    }),
    'session',
  );
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
  await communityActivities(ctx, mine, other);
  const callers = {} as Record<Role, Caller>;
  for (const role of ROLES) callers[role] = await ctx.as(ROLE_USERS[role]);
  const admin = await ctx.as('admin');
  const lot = await expectOk(
    await admin({
      method: 'POST',
      url: '/api/lots',
      payload: {
        number: 3,
        title: 'Lotto 3',
        tenderYear: 2023,
        tenderStart: '2023-01-01',
        tenderEnd: '2027-12-31',
        serviceKinds: ['CSM'],
        contractor: 'Consorzio',
        cooperativeIds: [coops.alfa, coops.beta],
        hourlyRate: 24,
      },
    }),
    'lot 3',
  );
  const flats = {
    lotId: lot.id,
    mine: await flatSide(ctx, lot.id, ['cm.navile', 'uvm.bologna', 'coop.alfa'], services.navile, districts.bologna, coops.alfa, 'FlatNav'),
    other: await flatSide(
      ctx,
      lot.id,
      ['cm.budrio', 'uvm.pianura', 'coop.beta'],
      services.budrio,
      districts.pianura,
      coops.beta,
      'FlatBud',
    ),
  };
  const resourceId = await sharedResource(ctx, [mine.ptriId, other.ptriId]);
  return { ctx, callers, mine, other, flats, resourceId };
}

async function flatSide(
  ctx: TestContext,
  lotId: number,
  [cmUser, uvmUser, coopUser]: [string, string, string],
  serviceId: number,
  districtId: number,
  cooperativeId: number,
  stem: string,
): Promise<FlatSide> {
  const admin = await ctx.as('admin');
  const flat = await expectOk(
    await admin({
      method: 'POST',
      url: '/api/flats',
      payload: { name: `Casa ${stem}`, districtId, address: 'Via Test 1', places: 3, lotId, cooperativeId, openedOn: '2024-01-01' },
    }),
    'flat',
  );
  const cm = await ctx.as(cmUser);
  const person = await expectOk(
    await cm({ method: 'POST', url: '/api/persons', payload: personBody(districtId, { familyName: `Cognome${stem}` }) }),
    'flat resident',
  );
  const ptri = await expectOk(
    await writeProject(ctx, cm, ptriBody(ctx, person.id, { serviceId, lotId, cooperativeIds: [cooperativeId] })),
    'lot 3 ptri',
  );
  await expectOk(
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } }),
    'submit',
  );
  await signByPerson(cm, ptri.id);
  await expectOk(
    await (
      await ctx.as(uvmUser)
    )({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: approvingEvaluation }),
    'evaluation',
  );
  const stay = await expectOk(
    await cm({ method: 'POST', url: `/api/flats/${flat.id}/stays`, payload: { ptriId: ptri.id, from: '2025-02-01' } }),
    'stay',
  );
  const work = await expectOk(
    await (
      await ctx.as(coopUser)
    )({ method: 'POST', url: `/api/flats/${flat.id}/interventions`, payload: { ...FLAT_WORK, date: '2025-04-08' } }),
    'flat work',
  );
  return { flatId: flat.id, ptriId: ptri.id, personId: person.id, stayId: stay.id, workId: work.id };
}

/**
 * A draft of the in-scope person, with a clinical note, shared by the case manager with Alfa,
 * and one open proposal of Alfa on it (co-design, issue 18).
 */
export async function sharedDraft(f: Fixtures): Promise<{ ptriId: number; proposalId: number }> {
  const draft = await expectOk(
    await f.callers.case_manager({
      method: 'POST',
      url: '/api/ptris',
      payload: ptriBody(f.ctx, f.mine.personId, { notes: 'Nota clinica riservata della bozza', cooperativeIds: [f.mine.cooperativeId] }),
    }),
    'draft',
  );
  await expectOk(await f.callers.case_manager({ method: 'POST', url: `/api/ptris/${draft.id}/share` }), 'share');
  const proposal = await expectOk(
    await f.callers.cooperative({
      method: 'POST',
      url: `/api/ptris/${draft.id}/proposals`,
      payload: {
        budgetLines: [{ axis: 'sociality', source: 'ausl', description: 'Laboratorio di teatro', hours: 20, resourceId: f.resourceId }],
        note: 'Proposta della cooperativa',
      },
    }),
    'proposal',
  );
  return { ptriId: draft.id, proposalId: proposal.id };
}
