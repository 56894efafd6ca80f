// Every lifecycle move from every status, by every role, against the shared transition table:
// what the table allows succeeds, everything else is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTransition, PTRI_STATUSES, ROLES, type PtriStatus, type Role } from '@bds/shared';
import { createTestContext, SUBMITTED_ON, type TestContext } from './helpers.ts';
import { approvingEvaluation, draftProject, signByPerson } from './ptri-fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** Who may ask for a move at all: the transitions route's roles. */
const ROUTE_ROLES: readonly Role[] = ['case_manager', 'uvm', 'admin'];
const USER_OF: Record<Role, string> = {
  admin: 'admin',
  manager: 'manager',
  case_manager: 'cm.navile',
  uvm: 'uvm.bologna',
  cooperative: 'coop.alfa',
  social_worker: 'sw.bologna',
};

/** A closing move gives every open goal an outcome: these name one for every axis. */
const ALL_OUTCOMES = { habitat: 'achieved', sociality: 'partly_achieved', work: 'not_achieved' };
const closingPayload = (to: PtriStatus) => (to === 'closed' ? { goalOutcomes: ALL_OUTCOMES } : {});

/** A fresh project of CSM Navile (in the scope of cm.navile and uvm.bologna) in the given status. */
async function projectIn(status: PtriStatus): Promise<number> {
  const { cm, ptri } = await draftProject(ctx);
  const uvm = await ctx.as('uvm.bologna');
  const move = (to: PtriStatus, date?: string) =>
    cm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/transitions`,
      payload: { to, reason: 'motivo', ...(date ? { date } : {}), ...closingPayload(to) },
    });
  const evaluate = (outcome: string) =>
    uvm({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: { ...approvingEvaluation, outcome } });
  if (status === 'draft') return ptri.id;
  await move('submitted', SUBMITTED_ON);
  if (status === 'submitted') return ptri.id;
  if (status === 'rejected') {
    await evaluate('not_approved');
    return ptri.id;
  }
  await signByPerson(cm, ptri.id);
  await evaluate('approved');
  if (status === 'suspended') await move('suspended');
  if (status === 'closed') await move('closed');
  return ptri.id;
}

async function statusOf(id: number): Promise<PtriStatus> {
  return (await (await ctx.as('admin'))({ method: 'GET', url: `/api/ptris/${id}` })).json().status;
}

/** What the server must answer: the table decides, the route's roles and the approval come first. */
function expectedStatus(from: PtriStatus, to: PtriStatus, role: Role): number {
  if (!ROUTE_ROLES.includes(role)) return 403;
  const rule = findTransition(from, to);
  if (!rule) return 409;
  if (!rule.roles.includes(role)) return 403;
  // Activation goes through an approving evaluation; a project without one cannot be moved there by hand.
  if (rule.needs.includes('approvingEvaluation')) return 409;
  return 200;
}

const cases = PTRI_STATUSES.flatMap((from) =>
  PTRI_STATUSES.filter((to) => to !== from).flatMap((to) => ROLES.map((role) => ({ from, to, role }))),
);

describe('the lifecycle, every move by every role', () => {
  it.each(cases)('$from → $to by $role', async ({ from, to, role }) => {
    const id = await projectIn(from);
    const caller = await ctx.as(USER_OF[role]);
    const res = await caller({
      method: 'POST',
      url: `/api/ptris/${id}/transitions`,
      payload: { to, reason: 'motivo', ...closingPayload(to) },
    });
    const expected = expectedStatus(from, to, role);
    expect(res.statusCode, res.body).toBe(expected);
    expect(await statusOf(id)).toBe(expected === 200 ? to : from);
  });
});
