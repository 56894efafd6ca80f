// Co-design with the cooperatives: a case manager shares a draft with its cooperatives, a
// sharing cooperative sees its goals and budget (never clinical data) and proposes changes, the
// case manager accepts them as a new revision or declines them with a reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '@bds/db';
import { createTestContext, SUBMITTED_ON, type Caller, type TestContext } from './helpers.ts';
import { draftProject, signByPerson } from './ptri-fixtures.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

interface Line {
  id: number;
  axis: string;
  source: string;
  description: string;
  hours: number | null;
  amount: number | null;
}
interface Detail {
  id: number;
  version: number;
  revision: number;
  personSigned: boolean;
  goals: { id: number; axis: string; description: string }[];
  budgetLines: Line[];
}

const share = (caller: Caller, id: number) => caller({ method: 'POST', url: `/api/ptris/${id}/share` });
const read = async (caller: Caller, id: number) => (await caller({ method: 'GET', url: `/api/ptris/${id}` })).json<Detail>();
const propose = (caller: Caller, id: number, payload: Record<string, unknown>) =>
  caller({ method: 'POST', url: `/api/ptris/${id}/proposals`, payload });
const decide = (caller: Caller, id: number, proposalId: number, payload: Record<string, unknown>) =>
  caller({ method: 'POST', url: `/api/ptris/${id}/proposals/${proposalId}/decision`, payload });
const count = (sql: string) => (ctx.db.$client.prepare(sql).get() as { n: number }).n;

const newLine = { axis: 'sociality', source: 'ausl', description: 'Laboratorio di teatro con educatore', hours: 40, amount: 1060 };

/** A draft of CSM Navile assigned to Coop Alfa, shared with it. */
async function sharedDraft() {
  const made = await draftProject(ctx, { notes: 'Nota clinica: esordio psicotico nel 2019' });
  const res = await share(made.cm, made.ptri.id);
  expect(res.statusCode, res.body).toBe(200);
  return { ...made, coop: await ctx.as('coop.alfa') };
}

describe('sharing a draft', () => {
  it('is done by the case manager on a draft only, with the cooperatives assigned to it, and audited', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const res = await share(cm, ptri.id);
    expect(res.json()).toMatchObject({
      ptriId: ptri.id,
      sharedWith: [{ cooperativeId: ctx.world.coops.alfa, cooperativeName: 'Coop Alfa (test)' }],
    });
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'ptri_share' AND action = 'create' AND entity_id = ${ptri.id}`)).toBe(
      1,
    );
    expect((await cm({ method: 'GET', url: `/api/ptris/${ptri.id}/share` })).json().sharedWith).toHaveLength(1);

    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
    const late = await share(cm, ptri.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('bozza');
  });

  it('is refused to the case manager of another service, the UVM, a cooperative, and without cooperatives', async () => {
    const { cm, ptri } = await draftProject(ctx);
    expect((await share(await ctx.as('cm.budrio'), ptri.id)).statusCode).toBe(404);
    expect((await share(await ctx.as('uvm.bologna'), ptri.id)).statusCode).toBe(403);
    expect((await share(await ctx.as('coop.alfa'), ptri.id)).statusCode).toBe(403);
    const bare = await draftProject(ctx, { cooperativeIds: [] });
    const none = await share(cm, bare.ptri.id);
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toContain('Nessuna cooperativa');
    expect(count('SELECT COUNT(*) AS n FROM ptri_shares')).toBe(0);
  });

  it('lets the sharing cooperative read the goals and budget of the draft, never its notes nor the person’s identifiers', async () => {
    const { ptri, person } = await draftProject(ctx, { notes: 'Nota clinica: esordio psicotico nel 2019' });
    const coop = await ctx.as('coop.alfa');
    expect((await coop({ method: 'GET', url: `/api/ptris/${ptri.id}` })).statusCode).toBe(404);
    await share(await ctx.as('cm.navile'), ptri.id);

    const seen = await coop({ method: 'GET', url: `/api/ptris/${ptri.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'draft', goals: expect.any(Array), budgetLines: expect.any(Array) });
    expect(seen.json().goals).toHaveLength(2);
    expect(seen.body).not.toContain('esordio');
    expect(seen.json()).not.toHaveProperty('notes');
    expect(seen.json()).not.toHaveProperty('benefits');
    const listed = (await coop({ method: 'GET', url: '/api/ptris?status=draft' })).json();
    expect(listed.items.map((item: { id: number }) => item.id)).toEqual([ptri.id]);
    const personSeen = await coop({ method: 'GET', url: `/api/persons/${person.id}` });
    expect(personSeen.statusCode).toBe(200);
    expect(personSeen.json()).not.toHaveProperty('fiscalCode');
    expect(personSeen.json()).not.toHaveProperty('birthDate');
    expect(personSeen.body).not.toContain(person.fiscalCode);

    // A cooperative of the lot not assigned to the draft sees nothing of it.
    const beta = await ctx.as('coop.beta');
    expect((await beta({ method: 'GET', url: `/api/ptris/${ptri.id}` })).statusCode).toBe(404);
    expect((await propose(beta, ptri.id, { budgetLines: [newLine], note: 'Proposta' })).statusCode).toBe(404);
  });
});

describe('the drafts shared with a cooperative', () => {
  it('are listed to it from the index of its shares, never to another cooperative', async () => {
    const { ptri, coop } = await sharedDraft();
    await draftProject(ctx);
    const list = await coop({ method: 'GET', url: '/api/shared-drafts' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ items: [{ id: ptri.id, status: 'draft' }], nextCursor: null });
    expect(list.body).not.toContain('esordio');
    expect((await (await ctx.as('coop.beta'))({ method: 'GET', url: '/api/shared-drafts' })).json().items).toEqual([]);
    const plan = ctx.db.$client
      .prepare(
        `EXPLAIN QUERY PLAN SELECT p.id FROM ptri_shares s JOIN ptris p ON p.id = s.ptri_id JOIN persons pe ON pe.id = p.person_id
         WHERE s.cooperative_id = ? AND p.status = 'draft' ORDER BY s.ptri_id DESC LIMIT 51`,
      )
      .all(ctx.world.coops.alfa) as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toContain('ptri_shares_coop_idx');
  });
});

describe('proposals', () => {
  it('add a line and change another by id, 201 open, listed with who proposed and when', async () => {
    const { ptri, coop, cm } = await sharedDraft();
    const before = await read(cm, ptri.id);
    const habitat = before.budgetLines.find((line) => line.axis === 'habitat')!;
    const res = await propose(coop, ptri.id, {
      budgetLines: [
        newLine,
        { id: habitat.id, axis: 'habitat', source: 'social_services', description: 'Contributo affitto', amount: 1500 },
      ],
      goals: [{ axis: 'sociality', description: 'Partecipare a un gruppo teatrale' }],
      note: 'Proponiamo un laboratorio e un contributo più alto',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'open', baseRevision: 1, cooperativeId: ctx.world.coops.alfa, proposedByName: 'coop.alfa' });
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'ptri_proposal' AND action = 'create'`)).toBe(1);

    const list = await cm({ method: 'GET', url: `/api/ptris/${ptri.id}/proposals` });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      items: [{ id: res.json().id, status: 'open', note: expect.stringContaining('laboratorio') }],
      nextCursor: null,
    });
    // Nothing changes until the case manager decides.
    expect((await read(cm, ptri.id)).version).toBe(before.version);
  });

  it('are refused 400 naming the field for a line of another project, bad values and an unknown resource', async () => {
    const { ptri, coop } = await sharedDraft();
    const other = await draftProject(ctx);
    const foreign = (await read(other.cm, other.ptri.id)).budgetLines[0]!;
    const stranger = await propose(coop, ptri.id, { budgetLines: [{ ...newLine, id: foreign.id }], note: 'x' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].path).toBe('budgetLines.0.id');

    const noAmount = await propose(coop, ptri.id, { budgetLines: [{ axis: 'work', source: 'ausl', description: 'Tutor' }], note: 'x' });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().errors[0].path).toBe('budgetLines.0.amount');
    const badSource = await propose(coop, ptri.id, { budgetLines: [{ ...newLine, source: 'lottery' }], note: 'x' });
    expect(badSource.json().errors[0].path).toBe('budgetLines.0.source');
    const empty = await propose(coop, ptri.id, { note: 'Nulla' });
    expect(empty.statusCode).toBe(400);
    expect((await propose(coop, ptri.id, { budgetLines: [newLine] })).json().errors[0].path).toBe('note');
    const resource = await propose(coop, ptri.id, { budgetLines: [{ ...newLine, resourceId: 999 }], note: 'x' });
    expect(resource.statusCode).toBe(400);
    expect(resource.json().errors[0].path).toBe('budgetLines.0.resourceId');
    expect(count('SELECT COUNT(*) AS n FROM ptri_proposals')).toBe(0);
  });

  it('are 409 once the project is no longer a draft', async () => {
    const { ptri, coop, cm } = await sharedDraft();
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
    const res = await propose(coop, ptri.id, { budgetLines: [newLine], note: 'Tardi' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('solo sulla bozza');
  });

  it('are listed to a cooperative only its own, and never to the case manager of another service', async () => {
    const { ptri, coop, cm } = await sharedDraft();
    await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version: 1, cooperativeIds: [ctx.world.coops.alfa, ctx.world.coops.beta] },
    });
    await share(cm, ptri.id);
    const beta = await ctx.as('coop.beta');
    expect((await propose(beta, ptri.id, { budgetLines: [newLine], note: 'Da Beta' })).statusCode).toBe(201);
    expect((await propose(coop, ptri.id, { budgetLines: [newLine], note: 'Da Alfa' })).statusCode).toBe(201);
    const alfaSees = (await coop({ method: 'GET', url: `/api/ptris/${ptri.id}/proposals` })).json();
    expect(alfaSees.items.map((item: { note: string }) => item.note)).toEqual(['Da Alfa']);
    expect((await cm({ method: 'GET', url: `/api/ptris/${ptri.id}/proposals` })).json().items).toHaveLength(2);
    expect((await (await ctx.as('cm.budrio'))({ method: 'GET', url: `/api/ptris/${ptri.id}/proposals` })).statusCode).toBe(404);
    expect((await (await ctx.as('uvm.bologna'))({ method: 'GET', url: `/api/ptris/${ptri.id}/proposals` })).statusCode).toBe(403);
  });
});

describe('the decision on a proposal', () => {
  it('accepted, changes the draft as a new revision attributed to the proposal, whose signatures start again', async () => {
    const { ptri, coop, cm } = await sharedDraft();
    await signByPerson(cm, ptri.id);
    const before = await read(cm, ptri.id);
    expect(before).toMatchObject({ revision: 1, personSigned: true });
    const habitat = before.budgetLines.find((line) => line.axis === 'habitat')!;
    const goal = before.goals[0]!;
    const proposal = (
      await propose(coop, ptri.id, {
        budgetLines: [
          newLine,
          { id: habitat.id, axis: 'habitat', source: 'social_services', description: 'Contributo affitto', amount: 1500 },
        ],
        goals: [{ id: goal.id, axis: goal.axis, description: 'Trovare un alloggio in coabitazione entro l’estate' }],
        note: 'Laboratorio e contributo',
      })
    ).json();

    const res = await decide(cm, ptri.id, proposal.id, { decision: 'accepted', version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', decidedByName: 'cm.navile', appliedVersion: before.version + 1 });

    const after = await read(cm, ptri.id);
    expect(after).toMatchObject({ revision: 2, personSigned: false, version: before.version + 1 });
    expect(after.budgetLines.find((line) => line.id === habitat.id)).toMatchObject({ amount: 1500 });
    expect(after.budgetLines).toContainEqual(expect.objectContaining({ description: newLine.description, hours: 40, amount: 1060 }));
    expect(after.budgetLines).toHaveLength(before.budgetLines.length + 1);
    expect(after.goals.find((g) => g.id === goal.id)?.description).toContain('estate');
    const revision = ctx.db.$client
      .prepare('SELECT proposal_id AS proposalId, user_id AS userId, reason FROM ptri_revisions WHERE ptri_id = ? AND version = ?')
      .get(ptri.id, after.version) as { proposalId: number; userId: number; reason: string };
    expect(revision.proposalId).toBe(proposal.id);
    expect(revision.reason).toContain('Coop Alfa (test)');
    const history = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}/history` })).json();
    expect(history.at(-1)).toMatchObject({ kind: 'revision', userName: 'cm.navile', reason: expect.stringContaining(`n. ${proposal.id}`) });

    const again = await decide(cm, ptri.id, proposal.id, { decision: 'declined', note: 'Ci ripenso' });
    expect(again.statusCode).toBe(409);
  });

  it('declined, keeps the draft as it was and records the reason for the cooperative', async () => {
    const { ptri, coop, cm } = await sharedDraft();
    const before = await read(cm, ptri.id);
    const proposal = (await propose(coop, ptri.id, { budgetLines: [newLine], note: 'Laboratorio' })).json();
    const noReason = await decide(cm, ptri.id, proposal.id, { decision: 'declined' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('note');
    const res = await decide(cm, ptri.id, proposal.id, { decision: 'declined', note: 'Il laboratorio non è nel distretto' });
    expect(res.statusCode).toBe(200);
    expect(await read(cm, ptri.id)).toEqual(before);
    const seen = (await coop({ method: 'GET', url: `/api/ptris/${ptri.id}/proposals` })).json().items[0];
    expect(seen).toMatchObject({
      status: 'declined',
      decisionNote: 'Il laboratorio non è nel distretto',
      decidedByName: 'cm.navile',
      appliedVersion: null,
    });
  });

  it('is refused 409 for a proposal touching a line the case manager changed since, and keeps it open', async () => {
    const { ptri, coop, cm } = await sharedDraft();
    const before = await read(cm, ptri.id);
    const habitat = before.budgetLines.find((line) => line.axis === 'habitat')!;
    const stale = (
      await propose(coop, ptri.id, {
        budgetLines: [{ id: habitat.id, axis: 'habitat', source: 'social_services', description: 'Contributo affitto', amount: 1500 }],
        note: 'Più contributo',
      })
    ).json();
    const fresh = (await propose(coop, ptri.id, { budgetLines: [newLine], note: 'Solo un laboratorio' })).json();
    const edited = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: {
        version: before.version,
        budget: { habitat: [{ id: habitat.id, source: 'social_services', description: 'Contributo affitto', amount: 1300 }] },
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const refused = await decide(cm, ptri.id, stale.id, { decision: 'accepted' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(`Modificato dopo la proposta: la riga di budget ${habitat.id}`);
    expect((await read(cm, ptri.id)).budgetLines.find((line) => line.id === habitat.id)).toMatchObject({ amount: 1300 });
    expect(count(`SELECT COUNT(*) AS n FROM ptri_proposals WHERE id = ${stale.id} AND status = 'open'`)).toBe(1);
    // A proposal that only adds is still good on the newer revision.
    expect((await decide(cm, ptri.id, fresh.id, { decision: 'accepted' })).statusCode).toBe(200);
  });

  it('respects the project version, and is only the case manager’s', async () => {
    const { ptri, coop, cm } = await sharedDraft();
    const proposal = (await propose(coop, ptri.id, { budgetLines: [newLine], note: 'Laboratorio' })).json();
    expect((await decide(coop, ptri.id, proposal.id, { decision: 'accepted' })).statusCode).toBe(403);
    expect((await decide(await ctx.as('cm.budrio'), ptri.id, proposal.id, { decision: 'accepted' })).statusCode).toBe(404);
    const stale = await decide(cm, ptri.id, proposal.id, { decision: 'accepted', version: 99 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('Versione non aggiornata');
    expect((await decide(cm, ptri.id, 9999, { decision: 'accepted' })).statusCode).toBe(404);
    expect(ctx.db.select().from(schema.ptriProposals).all()[0]?.status).toBe('open');
  });
});
