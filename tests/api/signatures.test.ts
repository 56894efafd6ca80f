// The person's agreement on a fixed revision: signatures bound to the content revision, the
// approval that needs the person's signature, "firma in attesa" after an approval with changes,
// and the person's benefits beside the budget.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, SUBMITTED_ON, type Caller, type TestContext } from './helpers.ts';
import { approvingEvaluation, draftProject, signByPerson } from './ptri-fixtures.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const count = (table: string) => (ctx.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const read = async (caller: Caller, id: number) => (await caller({ method: 'GET', url: `/api/ptris/${id}` })).json();
const sign = (caller: Caller, id: number, body: Record<string, unknown>) =>
  caller({
    method: 'POST',
    url: `/api/ptris/${id}/signatures`,
    payload: { signer: 'person', name: 'Mario Rossi', date: '2025-01-05', method: 'paper', ...body },
  });

async function submitted() {
  const made = await draftProject(ctx);
  await made.cm({ method: 'POST', url: `/api/ptris/${made.ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
  return made;
}

describe('signatures', () => {
  it('bind to the current content revision; a change of content starts them again and keeps the earlier ones', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const first = await sign(cm, ptri.id, { revision: 1 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ ptriId: ptri.id, revision: 1, signer: 'person', name: 'Mario Rossi', method: 'paper' });
    expect(await read(cm, ptri.id)).toMatchObject({ revision: 1, personSigned: true, signaturePending: false });

    const changed = await cm({ method: 'PATCH', url: `/api/ptris/${ptri.id}`, payload: { version: 1, intensity: 'low' } });
    expect(changed.json()).toMatchObject({ revision: 2, personSigned: false });
    const stale = await sign(cm, ptri.id, { revision: 1, signer: 'case_manager', name: 'Dott. Verdi' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('revisione corrente del progetto (2)');
    expect((await sign(cm, ptri.id, { revision: 2, signer: 'guardian', name: 'Anna Rossi', method: 'in_person' })).statusCode).toBe(201);
    expect(await read(cm, ptri.id)).toMatchObject({ personSigned: true });

    const list = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}/signatures` })).json();
    expect(list.map((s: { revision: number; signer: string }) => [s.revision, s.signer])).toEqual([
      [2, 'guardian'],
      [1, 'person'],
    ]);
  });

  it('refuses a date in the future and an unknown signer, writing nothing', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const future = await sign(cm, ptri.id, { revision: 1, date: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('date');
    const wrongSigner = await sign(cm, ptri.id, { revision: 1, signer: 'neighbour' });
    expect(wrongSigner.statusCode).toBe(400);
    expect(count('ptri_signatures')).toBe(0);
  });

  it('are recorded by the case manager of the service only, and a cooperative reads them without names', async () => {
    const { cm, ptri } = await submitted();
    expect((await sign(await ctx.as('cm.budrio'), ptri.id, { revision: 1 })).statusCode).toBe(404);
    expect((await sign(await ctx.as('uvm.bologna'), ptri.id, { revision: 1 })).statusCode).toBe(403);
    expect((await sign(await ctx.as('coop.alfa'), ptri.id, { revision: 1 })).statusCode).toBe(403);
    await sign(cm, ptri.id, { revision: 1, signer: 'family', name: 'Luisa Rossi' });
    const coop = await ctx.as('coop.alfa');
    const seen = await coop({ method: 'GET', url: `/api/ptris/${ptri.id}/signatures` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual([expect.objectContaining({ signer: 'family', revision: 1 })]);
    expect(seen.body).not.toContain('Luisa');
    const audit = ctx.db.$client.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'signature' AND action = 'create'").get() as {
      n: number;
    };
    expect(audit.n).toBe(1);
  });
});

describe("the UVM's approval and the person's signature", () => {
  it('refuses to approve a revision the person has not signed, saying so, and activates nothing', async () => {
    const { cm, ptri } = await submitted();
    await sign(cm, ptri.id, { revision: 1, signer: 'family', name: 'Luisa Rossi' });
    const uvm = await ctx.as('uvm.bologna');
    const evaluations = count('evaluations');
    const res = await uvm({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: approvingEvaluation });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      "Manca la firma della persona (o del tutore/amministratore di sostegno) sulla revisione 1 del progetto: registrarla prima dell'approvazione",
    );
    expect(count('evaluations')).toBe(evaluations);
    expect(await read(cm, ptri.id)).toMatchObject({ status: 'submitted', activatedOn: null });
    const byHand = await (await ctx.as('admin'))({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'active' } });
    expect(byHand.statusCode).toBe(409);
    const rejected = await uvm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/evaluations`,
      payload: { ...approvingEvaluation, outcome: 'not_approved' },
    });
    expect(rejected.statusCode, 'a refusal needs no signature').toBe(201);
  });

  it('approves once the guardian signed the submitted revision', async () => {
    const { cm, ptri } = await submitted();
    await signByPerson(cm, ptri.id, 'guardian');
    const uvm = await ctx.as('uvm.bologna');
    const res = await uvm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/evaluations`,
      payload: { ...approvingEvaluation, intensity: undefined },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await read(cm, ptri.id)).toMatchObject({ status: 'active', revision: 1, personSigned: true, signaturePending: false });
  });

  it('activates an approval with changes as a new revision with the signature pending, listed until the person signs it', async () => {
    const { cm, ptri } = await submitted();
    await signByPerson(cm, ptri.id);
    const uvm = await ctx.as('uvm.bologna');
    const res = await uvm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/evaluations`,
      payload: { ...approvingEvaluation, outcome: 'approved_with_changes', changes: { endDate: '2025-10-31' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const active = await read(cm, ptri.id);
    expect(active).toMatchObject({ status: 'active', revision: 2, personSigned: false, signaturePending: true, endDate: '2025-10-31' });

    const manager = await ctx.as('manager');
    const pending = async () =>
      ((await manager({ method: 'GET', url: '/api/ptris?signaturePending=true' })).json().items as { id: number }[]).map((p) => p.id);
    expect(await pending()).toEqual([ptri.id]);
    const ownService = (await cm({ method: 'GET', url: '/api/ptris?signaturePending=true' })).json().items;
    expect(ownService.map((p: { id: number }) => p.id)).toEqual([ptri.id]);
    const otherService = (await (await ctx.as('cm.budrio'))({ method: 'GET', url: '/api/ptris?signaturePending=true' })).json().items;
    expect(otherService).toEqual([]);

    expect((await sign(cm, ptri.id, { revision: 1 })).statusCode).toBe(409);
    expect((await sign(cm, ptri.id, { revision: 2 })).statusCode).toBe(201);
    expect(await read(cm, ptri.id)).toMatchObject({ personSigned: true, signaturePending: false });
    expect(await pending()).toEqual([]);
  });

  it('reads the pending list from its partial index', () => {
    const plan = ctx.db.$client
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM ptris WHERE service_id = 1 AND status IN ('active', 'suspended')
         AND person_signed_revision IS NOT revision ORDER BY id DESC LIMIT 51`,
      )
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toContain('ptris_signature_pending_idx');
  });
});

describe("a person's benefits", () => {
  const benefits = [
    { kind: 'disability_allowance', monthlyAmount: 336.0, from: '2020-01-01', to: null },
    { kind: 'income_support', monthlyAmount: 500.5, from: '2025-01-01', to: '2025-12-31' },
  ];

  it('are recorded by the case manager, read beside the budget, and replaced as a whole', async () => {
    const { cm, person, ptri } = await draftProject(ctx);
    const put = await cm({ method: 'PUT', url: `/api/persons/${person.id}/benefits`, payload: benefits });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual(benefits);
    expect((await cm({ method: 'GET', url: `/api/persons/${person.id}/benefits` })).json()).toEqual(benefits);
    expect((await read(cm, ptri.id)).benefits).toEqual(benefits);
    const manager = await ctx.as('manager');
    expect((await manager({ method: 'GET', url: `/api/persons/${person.id}/benefits` })).json()).toEqual(benefits);
    await cm({ method: 'PUT', url: `/api/persons/${person.id}/benefits`, payload: [benefits[1]] });
    expect((await read(cm, ptri.id)).benefits).toEqual([benefits[1]]);
    const audit = ctx.db.$client.prepare("SELECT action FROM audit_log WHERE entity = 'benefits' ORDER BY id").all();
    expect(audit).toEqual([{ action: 'update' }, { action: 'read' }, { action: 'read' }, { action: 'update' }]);
  });

  it('refuses an end before the start, naming the field, and changes nothing', async () => {
    const { cm, person } = await draftProject(ctx);
    const res = await cm({
      method: 'PUT',
      url: `/api/persons/${person.id}/benefits`,
      payload: [{ kind: 'pension', monthlyAmount: 700, from: '2025-05-01', to: '2025-01-01' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('0.to');
    expect(count('person_benefits')).toBe(0);
  });

  it('are never shown to a cooperative nor to another service', async () => {
    const { cm, person, ptri } = await submitted();
    await cm({ method: 'PUT', url: `/api/persons/${person.id}/benefits`, payload: benefits });
    const coop = await ctx.as('coop.alfa');
    expect((await coop({ method: 'GET', url: `/api/persons/${person.id}/benefits` })).statusCode).toBe(403);
    const page = await coop({ method: 'GET', url: `/api/ptris/${ptri.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).not.toHaveProperty('benefits');
    expect(page.body).not.toContain('500.5');
    const other = await ctx.as('cm.budrio');
    expect((await other({ method: 'GET', url: `/api/persons/${person.id}/benefits` })).statusCode).toBe(404);
    expect((await other({ method: 'PUT', url: `/api/persons/${person.id}/benefits`, payload: [] })).statusCode).toBe(404);
    expect(count('person_benefits')).toBe(2);
  });
});
