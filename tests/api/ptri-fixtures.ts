// Builders for projects in tests: a person in a service and a valid project body.
import type { Caller, TestContext } from './helpers.ts';
import { personBody, SUBMITTED_ON, WRITTEN_ON } from './helpers.ts';

export function ptriBody(ctx: TestContext, personId: number, overrides: Record<string, unknown> = {}) {
  return {
    personId,
    serviceId: ctx.world.services.navile,
    lotId: ctx.world.lots.lot1,
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    intensity: 'medium',
    cooperativeIds: [ctx.world.coops.alfa],
    goals: [
      { axis: 'habitat', description: 'Ricerca di un alloggio in coabitazione', targetDate: '2025-06-30' },
      { axis: 'work', description: 'Tirocinio in un laboratorio protetto' },
    ],
    budget: {
      habitat: [{ source: 'social_services', description: 'Contributo affitto', amount: 1200 }],
      sociality: 800,
      work: [{ source: 'community', description: 'Volontari del quartiere', hours: 20 }],
    },
    ...overrides,
  };
}

/** Creates a project as `caller` on WRITTEN_ON, the day the fixtures' dates are measured from; the test's own day comes back afterwards. */
export function writeProject(ctx: TestContext, caller: Caller, body: object) {
  return ctx.clock.during(WRITTEN_ON, () => caller({ method: 'POST', url: '/api/ptris', payload: body }));
}

/** A person in CSM Navile's care and a draft project for them, written by the Navile case manager on WRITTEN_ON. */
export async function draftProject(ctx: TestContext, overrides: Record<string, unknown> = {}) {
  const cm = await ctx.as('cm.navile');
  const person = (await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) })).json();
  const res = await writeProject(ctx, cm, ptriBody(ctx, person.id, overrides));
  if (res.statusCode !== 201) throw new Error(`create ptri: ${res.statusCode} ${res.body}`);
  return { cm, person, ptri: res.json() as { id: number; version: number; status: string } };
}

export const approvingEvaluation = {
  date: '2025-01-10',
  kind: 'initial',
  members: [
    { name: 'Dott.ssa Bianchi', role: 'psichiatra', organisation: 'health_service' },
    { name: 'A.S. Neri', role: 'assistente sociale', organisation: 'social_services' },
  ],
  outcome: 'approved',
  intensity: 'high',
  scores: { honos: [2, 1, 0, 3, 9, 2, 1, 4, 0, 1, 2, 9] },
};

/**
 * The person signs the project's current revision, as the case manager records it: what an
 * approving initial evaluation needs. `caller` is a case manager of the project's service.
 */
export async function signByPerson(caller: Caller, ptriId: number, signer: 'person' | 'guardian' = 'person', date = SUBMITTED_ON) {
  const { revision } = (await caller({ method: 'GET', url: `/api/ptris/${ptriId}` })).json<{ revision: number }>();
  const res = await caller({
    method: 'POST',
    url: `/api/ptris/${ptriId}/signatures`,
    payload: { revision, signer, name: 'Mario Rossi', date, method: 'paper' },
  });
  if (res.statusCode !== 201) throw new Error(`sign: ${res.statusCode} ${res.body}`);
  return res.json<{ id: number; revision: number }>();
}

/** A project taken through submission, the person's signature and an approving UVM evaluation. */
export async function activeProject(ctx: TestContext) {
  const made = await draftProject(ctx);
  await made.cm({ method: 'POST', url: `/api/ptris/${made.ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
  await signByPerson(made.cm, made.ptri.id);
  const uvm: Caller = await ctx.as('uvm.bologna');
  const res = await uvm({ method: 'POST', url: `/api/ptris/${made.ptri.id}/evaluations`, payload: approvingEvaluation });
  if (res.statusCode !== 201) throw new Error(`evaluate: ${res.statusCode} ${res.body}`);
  return made;
}
