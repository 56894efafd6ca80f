import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PTRI_STATUS_LABELS } from '@bds/shared';
import { auditCount, createTestContext, personBody, type TestContext, SUBMITTED_ON } from './helpers.ts';
import { activeProject, approvingEvaluation, draftProject, ptriBody, signByPerson } from './ptri-fixtures.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

describe('creating a project', () => {
  it('opens a draft with goals, budget lines and assigned cooperatives', async () => {
    const { ptri } = await draftProject(ctx);
    expect(ptri).toMatchObject({ status: 'draft', version: 1, intensity: 'medium', cooperativeIds: [ctx.world.coops.alfa] });
    const detail = ptri as unknown as { goals: unknown[]; budgetLines: unknown[]; budget: Record<string, number> };
    expect(detail.goals).toHaveLength(2);
    expect(detail.budgetLines).toHaveLength(3);
    expect(detail.budget).toEqual({ habitat: 1200, sociality: 800, work: 0 });
  });

  it.each([
    ['an end before the start', { endDate: '2024-12-31' }, 'endDate'],
    ['no goals', { goals: [] }, 'goals'],
    ['an unknown axis', { goals: [{ axis: 'money', description: 'x' }] }, 'goals.0.axis'],
    ['an unknown intensity', { intensity: 'extreme' }, 'intensity'],
    ['a budget line with neither hours nor amount', { budget: { habitat: [{ source: 'ausl', description: 'x' }] } }, 'budget.habitat'],
    ['a negative amount', { budget: { work: -5 } }, 'budget.work'],
    ['a cooperative outside the lot', { cooperativeIds: [999] }, 'cooperativeIds.0'],
    ['a lot that does not serve CSMs', { lotId: 2 }, 'lotId'],
  ])('refuses %s, naming the field', async (_name, override, path) => {
    const cm = await ctx.as('cm.navile');
    const person = (await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) })).json();
    const body = ptriBody(ctx, person.id, override);
    if (path === 'lotId') body.lotId = ctx.world.lots.lot2;
    const res = await cm({ method: 'POST', url: '/api/ptris', payload: body });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .join(' '),
    ).toContain(path);
    expect(ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM ptris').get()).toEqual({ n: 0 });
  });

  it('refuses a project for another service (403) and for a person out of scope (400 on personId)', async () => {
    const { person } = await draftProject(ctx);
    const budrio = await ctx.as('cm.budrio');
    const other = await budrio({ method: 'POST', url: '/api/ptris', payload: ptriBody(ctx, person.id) });
    expect(other.statusCode).toBe(403);
    const own = await budrio({
      method: 'POST',
      url: '/api/ptris',
      payload: ptriBody(ctx, person.id, { serviceId: ctx.world.services.budrio }),
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().errors[0].path).toBe('personId');
  });
});

describe('who sees a project', () => {
  it('shows it to its service, the district UVM and the manager; 404 to other services and districts', async () => {
    const { ptri } = await draftProject(ctx);
    await (
      await ctx.as('cm.navile')
    )({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
    const expectations: [string, number][] = [
      ['cm.navile', 200],
      ['manager', 200],
      ['uvm.bologna', 200],
      ['coop.alfa', 200],
      ['cm.budrio', 404],
      ['uvm.pianura', 404],
      ['coop.beta', 404],
    ];
    for (const [user, status] of expectations) {
      const call = await ctx.as(user);
      expect((await call({ method: 'GET', url: `/api/ptris/${ptri.id}` })).statusCode, user).toBe(status);
      const list = (await call({ method: 'GET', url: '/api/ptris' })).json();
      expect(
        list.items.some((p: { id: number }) => p.id === ptri.id),
        user,
      ).toBe(status === 200);
    }
  });

  it('hides drafts from the assigned cooperative', async () => {
    const { ptri } = await draftProject(ctx);
    const coop = await ctx.as('coop.alfa');
    expect((await coop({ method: 'GET', url: `/api/ptris/${ptri.id}` })).statusCode).toBe(404);
  });

  it('filters the list and pages it', async () => {
    await draftProject(ctx);
    await draftProject(ctx, { intensity: 'high' });
    await activeProject(ctx);
    const cm = await ctx.as('cm.navile');
    expect((await cm({ method: 'GET', url: '/api/ptris?status=draft' })).json().items).toHaveLength(2);
    expect((await cm({ method: 'GET', url: '/api/ptris?intensity=high' })).json().items).toHaveLength(2);
    expect((await cm({ method: 'GET', url: '/api/ptris?activeIn=2025' })).json().items).toHaveLength(1);
    expect((await cm({ method: 'GET', url: '/api/ptris?activeIn=2023' })).json().items).toHaveLength(0);
    expect((await cm({ method: 'GET', url: '/api/ptris?axis=habitat' })).json().items).toHaveLength(3);
    expect((await cm({ method: 'GET', url: '/api/ptris?axis=sociality' })).json().items).toHaveLength(0);
    const first = (await cm({ method: 'GET', url: '/api/ptris?limit=2' })).json();
    const rest = (await cm({ method: 'GET', url: `/api/ptris?limit=2&cursor=${first.nextCursor}` })).json();
    expect(first.items).toHaveLength(2);
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect((await cm({ method: 'GET', url: '/api/ptris?status=bogus' })).statusCode).toBe(400);
  });

  it("counts what the list holds with the same filters, within the reader's scope", async () => {
    await draftProject(ctx);
    await draftProject(ctx, { intensity: 'high' });
    await activeProject(ctx);
    const cm = await ctx.as('cm.navile');
    for (const filter of ['', 'status=draft', 'intensity=high', 'activeIn=2025', 'axis=habitat', 'axis=sociality']) {
      const list = (await cm({ method: 'GET', url: `/api/ptris?limit=500&${filter}` })).json();
      const count = await cm({ method: 'GET', url: `/api/ptris/count?${filter}` });
      expect(count.statusCode, filter).toBe(200);
      expect(count.json(), filter).toEqual({ total: list.items.length, capped: false });
    }
    expect((await (await ctx.as('cm.budrio'))({ method: 'GET', url: '/api/ptris/count' })).json()).toEqual({ total: 0, capped: false });
    const bad = await cm({ method: 'GET', url: '/api/ptris/count?status=bogus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('status');
  });
});

describe('editing with versions', () => {
  it('saves a change with the current version and keeps the revision with what changed', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const res = await cm({ method: 'PATCH', url: `/api/ptris/${ptri.id}`, headers: { 'if-match': '"1"' }, payload: { intensity: 'low' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ intensity: 'low', version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const history = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}/history` })).json();
    const revision = history.find((h: { version: number | null }) => h.version === 2);
    expect(revision.changes).toEqual({ intensity: { before: 'medium', after: 'low' } });
    expect(revision.userName).toBe('cm.navile');
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const { cm, ptri } = await draftProject(ctx);
    await cm({ method: 'PATCH', url: `/api/ptris/${ptri.id}`, payload: { version: 1, intensity: 'low' } });
    const stale = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version: 1, intensity: 'high', goals: [{ axis: 'work', description: 'altro' }] },
    });
    expect(stale.statusCode).toBe(409);
    const now = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json();
    expect(now).toMatchObject({ intensity: 'low', version: 2 });
    expect(now.goals).toHaveLength(2);
  });

  it('needs a version, and refuses edits of a submitted project', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const none = await cm({ method: 'PATCH', url: `/api/ptris/${ptri.id}`, payload: { intensity: 'low' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('version');
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
    const submitted = await cm({ method: 'PATCH', url: `/api/ptris/${ptri.id}`, payload: { version: 2, intensity: 'low' } });
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().detail).toBe('Un progetto in stato «Inviato in UVM» non si può modificare');
  });

  it("keeps an active project's change as a new revision and the old one intact", async () => {
    const { cm, ptri } = await activeProject(ctx);
    const current = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json();
    const res = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      headers: { 'if-match': `"${current.version}"` },
      payload: { goals: [{ axis: 'sociality', description: 'Gruppo sportivo del quartiere' }], reason: 'Rivalutazione' },
    });
    expect(res.statusCode).toBe(200);
    const revisions = ctx.db.$client
      .prepare('SELECT version, snapshot FROM ptri_revisions WHERE ptri_id = ? ORDER BY version')
      .all(ptri.id) as { version: number; snapshot: string }[];
    expect(JSON.parse(revisions[0]!.snapshot).goals).toHaveLength(2);
    expect(JSON.parse(revisions.at(-1)!.snapshot).goals).toEqual([expect.objectContaining({ axis: 'sociality' })]);
  });
});

describe('the period and the case manager of a project', () => {
  it("keeps an active project's start as history and its end after its activation", async () => {
    const { cm, ptri } = await activeProject(ctx);
    const { version } = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json();
    const start = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version, startDate: '2020-01-01', endDate: '2020-06-30' },
    });
    expect(start.statusCode).toBe(400);
    expect(start.json().errors[0].path).toBe('startDate');
    const end = await cm({ method: 'PATCH', url: `/api/ptris/${ptri.id}`, payload: { version, endDate: '2024-12-31' } });
    expect(end.statusCode).toBe(400);
    expect(end.json().errors[0].path).toBe('endDate');
    const { activatedOn } = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json();
    const beforeActivation = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version, endDate: '2025-01-05', reason: 'Chiusura anticipata' },
    });
    expect(activatedOn).toBe('2025-01-10');
    expect(beforeActivation.json().errors).toEqual([
      { path: 'endDate', message: 'non può precedere il 10/01/2025 (attivazione o ultimo intervento registrato)' },
    ]);
    const longer = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version, endDate: '2026-06-30', reason: 'Proroga' },
    });
    expect(longer.statusCode).toBe(200);
  });

  it("accepts as case manager only an active case manager of the project's service", async () => {
    const { cm, ptri, person } = await draftProject(ctx);
    const ids = Object.fromEntries(
      (ctx.db.$client.prepare('SELECT username, id FROM users').all() as { username: string; id: number }[]).map((u) => [u.username, u.id]),
    );
    for (const caseManagerId of [999999, ids['cm.budrio'], ids['coop.alfa']]) {
      const res = await cm({ method: 'PATCH', url: `/api/ptris/${ptri.id}`, payload: { version: 1, caseManagerId } });
      expect(res.statusCode, String(caseManagerId)).toBe(400);
      expect(res.json().errors[0].path).toBe('caseManagerId');
    }
    const created = await cm({ method: 'POST', url: '/api/ptris', payload: ptriBody(ctx, person.id, { caseManagerId: 999999 }) });
    expect(created.statusCode).toBe(400);
    expect(
      (await cm({ method: 'PATCH', url: `/api/ptris/${ptri.id}`, payload: { version: 1, caseManagerId: ids['cm.navile'] } })).statusCode,
    ).toBe(200);
  });
});

describe('the lifecycle', () => {
  it('goes draft → submitted → (UVM approval) active → suspended → active → closed', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const move = (to: string, date: string, reason?: string) =>
      cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to, reason, date } });
    expect((await move('submitted', '2025-01-03')).json().status).toBe('submitted');
    await signByPerson(cm, ptri.id);
    const uvm = await ctx.as('uvm.bologna');
    const evaluation = await uvm({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: approvingEvaluation });
    expect(evaluation.statusCode).toBe(201);
    expect(evaluation.json().honosTotal).toBe(16);
    const active = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json();
    expect(active).toMatchObject({ status: 'active', activatedOn: '2025-01-10', intensity: 'high', nextReviewDate: '2025-07-10' });
    expect((await move('suspended', '2025-05-02', 'Ricovero')).json().status).toBe('suspended');
    const backwards = await move('active', '2025-04-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('date');
    expect((await move('active', '2025-06-01')).json().status).toBe('active');
    const closing = { to: 'closed', reason: 'Obiettivi raggiunti', date: '2025-11-30' };
    const withoutOutcomes = await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: closing });
    expect(withoutOutcomes.statusCode).toBe(400);
    expect(withoutOutcomes.json().errors.map((e: { path: string }) => e.path)).toEqual([expect.stringMatching(/^goalOutcomes\./)]);
    const goalOutcomes = { habitat: 'achieved', sociality: 'partly_achieved', work: 'not_achieved' };
    const closed = (await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { ...closing, goalOutcomes } })).json();
    expect(closed).toMatchObject({ status: 'closed', endedOn: '2025-11-30' });
    // No goal of a closed project is left open: each has its axis' outcome.
    for (const goal of closed.goals as { axis: keyof typeof goalOutcomes; status: string }[]) {
      expect(goal.status).toBe(goalOutcomes[goal.axis]);
    }
    const history = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}/history` })).json();
    expect(history.filter((h: { kind: string }) => h.kind === 'transition').map((h: { to: string }) => h.to)).toEqual([
      'submitted',
      'active',
      'suspended',
      'active',
      'closed',
    ]);
  });

  it('refuses a move dated in the future, which would count the project in years to come', async () => {
    const { cm, ptri } = await activeProject(ctx);
    const res = await cm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/transitions`,
      payload: { to: 'closed', reason: 'x', date: '2090-01-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('date');
    expect((await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json().status).toBe('active');
  });

  it.each([
    ['draft', 'active'],
    ['draft', 'closed'],
    ['draft', 'suspended'],
  ] as const)('refuses %s → %s with 409', async (_from, to) => {
    const { cm, ptri } = await draftProject(ctx);
    const res = await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to, reason: 'x' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(`Passaggio non consentito: da «Bozza» a «${PTRI_STATUS_LABELS[to]}»`);
    expect((await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json().status).toBe('draft');
  });

  it('refuses activation without an approving evaluation, and a closed project cannot reopen', async () => {
    const { cm, ptri } = await draftProject(ctx);
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
    const uvm = await ctx.as('uvm.bologna');
    const early = await uvm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'active' } });
    expect(early.statusCode).toBe(409);
    const byCm = await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'active' } });
    expect(byCm.statusCode).toBe(403);
  });

  it('returns a submitted project to draft with a reason', async () => {
    const { cm, ptri } = await draftProject(ctx);
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
    const noReason = await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'draft' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const back = await cm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/transitions`,
      payload: { to: 'draft', reason: 'Mancano gli obiettivi lavoro' },
    });
    expect(back.json().status).toBe('draft');
  });

  it('rejects a project the UVM does not approve, and it never counts as active', async () => {
    const { cm, ptri } = await draftProject(ctx);
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
    const uvm = await ctx.as('uvm.bologna');
    await uvm({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: { ...approvingEvaluation, outcome: 'not_approved' } });
    const detail = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json();
    expect(detail).toMatchObject({ status: 'rejected', activatedOn: null });
    const counts = (await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/yearly-counts?year=2025&lot=1' })).json();
    expect(counts.total).toBe(0);
  });

  it('activates an "approved with changes" project on its changed start date', async () => {
    const { cm, ptri } = await draftProject(ctx);
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: '2024-12-01' } });
    await signByPerson(cm, ptri.id);
    const uvm = await ctx.as('uvm.bologna');
    const res = await uvm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/evaluations`,
      payload: { ...approvingEvaluation, outcome: 'approved_with_changes', changes: { startDate: '2025-04-01' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json()).toMatchObject({
      status: 'active',
      startDate: '2025-04-01',
      activatedOn: '2025-04-01',
    });
  });

  it("makes a UVM change of intensity a new version, so a case manager's stale edit cannot undo it", async () => {
    const { cm, ptri } = await activeProject(ctx);
    const before = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json();
    const uvm = await ctx.as('uvm.bologna');
    const review = await uvm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/evaluations`,
      payload: { ...approvingEvaluation, kind: 'review', date: '2025-07-01', intensity: 'low' },
    });
    expect(review.statusCode, review.body).toBe(201);
    const stale = await cm({ method: 'PATCH', url: `/api/ptris/${ptri.id}`, payload: { version: before.version, intensity: 'medium' } });
    expect(stale.statusCode).toBe(409);
    const after = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` })).json();
    expect(after).toMatchObject({ intensity: 'low', version: before.version + 1, nextReviewDate: '2026-01-01' });
    const history = (await cm({ method: 'GET', url: `/api/ptris/${ptri.id}/history` })).json();
    expect(history.at(-1)).toMatchObject({
      kind: 'revision',
      userName: 'uvm.bologna',
      changes: { intensity: { before: 'high', after: 'low' } },
    });
  });

  it('lets only the district UVM evaluate', async () => {
    const { cm, ptri } = await draftProject(ctx);
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
    const other = await ctx.as('uvm.pianura');
    expect((await other({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: approvingEvaluation })).statusCode).toBe(404);
    expect((await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: approvingEvaluation })).statusCode).toBe(403);
    const bad = await (
      await ctx.as('uvm.bologna')
    )({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/evaluations`,
      payload: { ...approvingEvaluation, scores: { honos: [5, 1, 0] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/^scores\.honos/);
  });

  it("refuses an evaluation the project's status does not allow, naming both in Italian", async () => {
    const { ptri } = await draftProject(ctx);
    const uvm = await ctx.as('uvm.bologna');
    const res = await uvm({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: { ...approvingEvaluation, kind: 'final' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('Una valutazione «Finale» non è possibile su un progetto in stato «Bozza»');
  });
});

describe('audit of project data', () => {
  it('writes one row per read and per write, attributed to the user', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const before = auditCount(ctx.db);
    await cm({ method: 'GET', url: `/api/ptris/${ptri.id}` });
    await cm({ method: 'PATCH', url: `/api/ptris/${ptri.id}`, payload: { version: 1, intensity: 'low' } });
    expect(auditCount(ctx.db)).toBe(before + 2);
    const rows = ctx.db.$client.prepare('SELECT action, username, entity_id FROM audit_log ORDER BY id DESC LIMIT 2').all();
    expect(rows).toEqual([
      { action: 'update', username: 'cm.navile', entity_id: ptri.id },
      { action: 'read', username: 'cm.navile', entity_id: ptri.id },
    ]);
  });

  it('cannot be changed or deleted, not even with SQL', () => {
    ctx.db.$client.prepare("INSERT INTO audit_log (at, action, entity) VALUES ('2025-01-01T00:00:00Z', 'read', 'x')").run();
    expect(() => ctx.db.$client.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => ctx.db.$client.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
