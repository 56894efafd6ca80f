// The municipality's social worker: scoped to the persons living in one district and their
// projects, whichever service runs them; sees outcomes, never HoNOS scores or clinical notes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, personBody, PASSWORD, SUBMITTED_ON, type TestContext } from './helpers.ts';
import { activeProject, approvingEvaluation, ptriBody, signByPerson, writeProject } from './ptri-fixtures.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

/** A person living in `districtId`, in CSM Navile's care, with an active project evaluated with HoNOS scores and a note. */
async function residentWithProject(districtId: number, familyName: string) {
  const cm = await ctx.as('cm.navile');
  const person = (await cm({ method: 'POST', url: '/api/persons', payload: personBody(districtId, { familyName }) })).json();
  const ptri = (await writeProject(ctx, cm, { ...ptriBody(ctx, person.id), notes: 'Nota clinica del servizio' })).json();
  await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
  await signByPerson(cm, ptri.id);
  const uvm = await ctx.as('uvm.bologna');
  const evaluated = await uvm({
    method: 'POST',
    url: `/api/ptris/${ptri.id}/evaluations`,
    payload: { ...approvingEvaluation, notes: 'Osservazione clinica UVM', living: 'family', work: 'none' },
  });
  expect(evaluated.statusCode, evaluated.body).toBe(201);
  return { person, ptri };
}

describe('a social worker', () => {
  it('sees the persons living in the district and their projects, also those run by a service of another district', async () => {
    const { bologna, pianura } = ctx.world.districts;
    const resident = await residentWithProject(bologna, 'Residente');
    const elsewhere = await residentWithProject(pianura, 'Altrove');
    const sw = await ctx.as('sw.bologna');

    const persons = (await sw({ method: 'GET', url: '/api/persons?q=' })).json().items.map((p: { id: number }) => p.id);
    expect(persons).toEqual([resident.person.id]);
    expect((await sw({ method: 'GET', url: '/api/persons?q=resid' })).json().items).toHaveLength(1);
    expect((await sw({ method: 'GET', url: '/api/persons?q=altro' })).json().items).toHaveLength(0);
    expect((await sw({ method: 'GET', url: `/api/persons/${elsewhere.person.id}` })).statusCode).toBe(404);

    const projects = (await sw({ method: 'GET', url: '/api/ptris' })).json().items.map((p: { id: number }) => p.id);
    expect(projects).toEqual([resident.ptri.id]);
    expect((await sw({ method: 'GET', url: `/api/ptris/${elsewhere.ptri.id}` })).statusCode).toBe(404);
    expect((await sw({ method: 'GET', url: `/api/ptris/${elsewhere.ptri.id}/evaluations` })).statusCode).toBe(404);

    // The Pianura social worker sees the person living there, though CSM Navile (Bologna) runs the project.
    const other = await ctx.as('sw.pianura');
    expect((await other({ method: 'GET', url: '/api/ptris' })).json().items.map((p: { id: number }) => p.id)).toEqual([elsewhere.ptri.id]);
  });

  it('reads goals, budget, members and outcome, never HoNOS scores, their total or the clinical notes', async () => {
    const { ptri } = await residentWithProject(ctx.world.districts.bologna, 'Residente');
    const sw = await ctx.as('sw.bologna');
    const detail = await sw({ method: 'GET', url: `/api/ptris/${ptri.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().goals).toHaveLength(2);
    expect(detail.json().budgetLines.map((l: { source: string }) => l.source)).toContain('social_services');
    expect(detail.json()).not.toHaveProperty('notes');
    const evaluations = (await sw({ method: 'GET', url: `/api/ptris/${ptri.id}/evaluations` })).json();
    expect(evaluations[0]).toMatchObject({ outcome: 'approved', living: 'family', work: 'none' });
    expect(evaluations[0].members).toHaveLength(2);
    for (const field of ['scores', 'scaleResults', 'honosTotal', 'notes']) expect(evaluations[0]).not.toHaveProperty(field);
    for (const url of [`/api/ptris/${ptri.id}`, `/api/ptris/${ptri.id}/evaluations`, `/api/ptris/${ptri.id}/history`]) {
      const body = (await sw({ method: 'GET', url })).body;
      expect(body, url).not.toContain('Osservazione clinica UVM');
      expect(body, url).not.toContain('Nota clinica del servizio');
      expect(body, url).not.toContain('honos');
    }
    const read = ctx.db.$client
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE username = 'sw.bologna' AND entity = 'ptri' AND entity_id = ?")
      .get(ptri.id) as { n: number };
    expect(read.n).toBeGreaterThanOrEqual(1);
  });

  it('writes no project, evaluation, intervention or person, and reads no report but the resources one', async () => {
    const { ptri, person } = await activeProject(ctx);
    const sw = await ctx.as('sw.bologna');
    const refused = [
      { method: 'POST' as const, url: '/api/persons', payload: personBody(ctx.world.districts.bologna) },
      { method: 'POST' as const, url: '/api/ptris', payload: ptriBody(ctx, person.id) },
      { method: 'PATCH' as const, url: `/api/ptris/${ptri.id}`, payload: { version: 3, intensity: 'low' } },
      { method: 'POST' as const, url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'suspended', reason: 'x' } },
      { method: 'POST' as const, url: `/api/ptris/${ptri.id}/evaluations`, payload: approvingEvaluation },
      { method: 'GET' as const, url: '/api/interventions' },
      { method: 'GET' as const, url: '/api/reports/caseload?date=2025-03-01' },
      { method: 'GET' as const, url: '/api/reports/yearly-counts?year=2025&lot=1' },
      { method: 'GET' as const, url: '/api/scales' },
    ];
    for (const request of refused) expect((await sw(request)).statusCode, `${request.method} ${request.url}`).toBe(403);
    expect((await sw({ method: 'GET', url: '/api/reports/resources' })).statusCode).toBe(200);
  });
});

describe('social worker accounts', () => {
  it('are created by the admin with a district, which they need', async () => {
    const admin = await ctx.as('admin');
    const body = { username: 'as.savena', displayName: 'A.S. Savena', role: 'social_worker', password: 'Password-nuova-1' };
    const missing = await admin({ method: 'POST', url: '/api/users', payload: body });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('districtId');
    const made = await admin({ method: 'POST', url: '/api/users', payload: { ...body, districtId: ctx.world.districts.pianura } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ role: 'social_worker', districtId: ctx.world.districts.pianura, serviceId: null });
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sw.bologna', password: PASSWORD } });
    expect(login.json().user).toMatchObject({ role: 'social_worker', districtId: ctx.world.districts.bologna });
  });
});
