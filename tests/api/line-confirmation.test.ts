// The social services at the table: a social worker of the person's district confirms or declines
// the budget lines the municipality is asked to bring; the decision holds across revisions until
// the line's source, hours or amount change. Budget lines point at active catalogue resources.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, personBody, type Caller, type TestContext } from './helpers.ts';
import { activeProject, draftProject, ptriBody } from './ptri-fixtures.ts';

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
  resourceId: number | null;
  confirmation: string | null;
  decision: { by: string; on: string; note: string | null } | null;
}
interface Detail {
  id: number;
  version: number;
  revision: number;
  budgetLines: Line[];
}

const read = async (caller: Caller, id: number) => (await caller({ method: 'GET', url: `/api/ptris/${id}` })).json<Detail>();
const socialLine = (detail: Detail) => detail.budgetLines.find((line) => line.source === 'social_services')!;
const decide = (caller: Caller, ptriId: number, lineId: number, payload: Record<string, unknown>) =>
  caller({ method: 'POST', url: `/api/ptris/${ptriId}/budget-lines/${lineId}/confirmation`, payload });
/** The habitat lines as an edit sends them back: every field it keeps, with `change` applied to the social-services one. */
const habitatWith = (detail: Detail, change: Record<string, unknown>) =>
  detail.budgetLines
    .filter((line) => line.axis === 'habitat')
    .map(({ id, source, description, hours, amount }) => ({
      id,
      source,
      description,
      hours,
      amount,
      ...(source === 'social_services' ? change : {}),
    }));

describe('confirmation of social-services lines', () => {
  it('starts proposed; only social-services lines carry a confirmation', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const detail = await read(cm, ptri.id);
    expect(socialLine(detail).confirmation).toBe('proposed');
    for (const line of detail.budgetLines.filter((l) => l.source !== 'social_services')) expect(line.confirmation).toBeNull();
  });

  it('lets a social worker of the person’s district confirm, returns the project and audits it', async () => {
    const { ptri } = await activeProject(ctx);
    const sw = await ctx.as('sw.bologna');
    const before = await read(sw, ptri.id);
    const line = socialLine(before);
    const res = await decide(sw, ptri.id, line.id, { decision: 'confirmed', note: 'Contributo deliberato dal quartiere' });
    expect(res.statusCode, res.body).toBe(200);
    expect(socialLine(res.json<Detail>()).confirmation).toBe('confirmed');
    // The decision is no change of content: no new revision to sign.
    expect(res.json<Detail>().revision).toBe(before.revision);
    const cm = await ctx.as('cm.navile');
    expect(socialLine(await read(cm, ptri.id)).confirmation).toBe('confirmed');
    const audit = ctx.db.$client
      .prepare("SELECT username, action, changes FROM audit_log WHERE entity = 'budget_line_confirmation' AND entity_id = ?")
      .all(line.id) as { username: string; action: string; changes: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'sw.bologna', action: 'update' });
    expect(JSON.parse(audit[0]!.changes)).toMatchObject({
      confirmation: { before: 'proposed', after: 'confirmed' },
      note: 'Contributo deliberato dal quartiere',
    });
  });

  it('records a decline', async () => {
    const { ptri } = await draftProject(ctx);
    const sw = await ctx.as('sw.bologna');
    const line = socialLine(await read(sw, ptri.id));
    const res = await decide(sw, ptri.id, line.id, { decision: 'declined', note: 'Fondi esauriti per il 2025' });
    expect(res.statusCode, res.body).toBe(200);
    expect(socialLine(res.json<Detail>()).confirmation).toBe('declined');
  });

  it('requires the reason of a decline (400 naming the note, nothing changed); the confirmation’s note is optional', async () => {
    const { ptri } = await draftProject(ctx);
    const sw = await ctx.as('sw.bologna');
    const line = socialLine(await read(sw, ptri.id));
    for (const payload of [{ decision: 'declined' }, { decision: 'declined', note: '   ' }]) {
      const bare = await decide(sw, ptri.id, line.id, payload);
      expect(bare.statusCode).toBe(400);
      expect(bare.headers['content-type']).toContain('application/problem+json');
      expect(bare.json().errors[0].path).toBe('note');
    }
    expect(socialLine(await read(sw, ptri.id))).toMatchObject({ confirmation: 'proposed', decision: null });
    const confirmed = await decide(sw, ptri.id, line.id, { decision: 'confirmed' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(socialLine(confirmed.json<Detail>()).decision).toEqual({ by: 'sw.bologna', on: ctx.clock.today(), note: null });
  });

  it('shows who decided, when and why on the project, across revisions, until the line changes', async () => {
    const { ptri } = await draftProject(ctx);
    const sw = await ctx.as('sw.bologna');
    const cm = await ctx.as('cm.navile');
    const line = socialLine(await read(sw, ptri.id));
    await decide(sw, ptri.id, line.id, { decision: 'declined', note: 'Fondi del quartiere esauriti' });
    let detail = await read(cm, ptri.id);
    const decision = socialLine(detail).decision;
    expect(decision).toMatchObject({ note: 'Fondi del quartiere esauriti' });
    expect(decision?.by).toBeTruthy();
    // A new revision that keeps the line keeps its decision.
    const described = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version: detail.version, budget: { habitat: habitatWith(detail, { description: 'Contributo affitto' }) } },
    });
    expect(described.json<Detail>().revision).toBe(2);
    expect(socialLine(described.json<Detail>())).toMatchObject({ confirmation: 'declined', decision });
    // A new amount asks again: the old answer no longer shows.
    detail = described.json<Detail>();
    const amount = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version: detail.version, budget: { habitat: habitatWith(detail, { amount: 1500 }) } },
    });
    expect(socialLine(amount.json<Detail>())).toMatchObject({ confirmation: 'proposed', decision: null });
  });

  it('refuses every other role (403) and a social worker of another district (404), changing nothing', async () => {
    const { ptri } = await activeProject(ctx);
    const line = socialLine(await read(await ctx.as('cm.navile'), ptri.id));
    for (const username of ['admin', 'manager', 'cm.navile', 'uvm.bologna', 'coop.alfa']) {
      const res = await decide(await ctx.as(username), ptri.id, line.id, { decision: 'confirmed' });
      expect(res.statusCode, username).toBe(403);
    }
    expect((await decide(await ctx.as('sw.pianura'), ptri.id, line.id, { decision: 'confirmed' })).statusCode).toBe(404);
    expect(socialLine(await read(await ctx.as('cm.navile'), ptri.id)).confirmation).toBe('proposed');
  });

  it('answers 409 for a line of another source, 404 for a line unknown or of another project, 400 for a bad decision', async () => {
    const { ptri } = await draftProject(ctx);
    const other = await draftProject(ctx);
    const sw = await ctx.as('sw.bologna');
    const detail = await read(sw, ptri.id);
    const community = detail.budgetLines.find((line) => line.source === 'community')!;
    const conflict = await decide(sw, ptri.id, community.id, { decision: 'confirmed' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().detail).toContain('Comunità');
    expect((await decide(sw, ptri.id, 999_999, { decision: 'confirmed' })).statusCode).toBe(404);
    expect((await decide(sw, other.ptri.id, socialLine(detail).id, { decision: 'confirmed' })).statusCode).toBe(404);
    const bad = await decide(sw, ptri.id, socialLine(detail).id, { decision: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('decision');
    expect(socialLine(await read(sw, ptri.id)).confirmation).toBe('proposed');
  });

  it('keeps the decision across revisions that leave source, hours and amount alone, and resets it when they change', async () => {
    const { ptri } = await draftProject(ctx);
    const sw = await ctx.as('sw.bologna');
    const cm = await ctx.as('cm.navile');
    await decide(sw, ptri.id, socialLine(await read(sw, ptri.id)).id, { decision: 'confirmed' });

    let detail = await read(cm, ptri.id);
    const described = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: {
        version: detail.version,
        budget: { habitat: habitatWith(detail, { description: 'Contributo affitto (quartiere Navile)' }) },
      },
    });
    expect(described.statusCode, described.body).toBe(200);
    expect(described.json<Detail>().revision).toBe(2);
    expect(socialLine(described.json<Detail>())).toMatchObject({
      description: 'Contributo affitto (quartiere Navile)',
      confirmation: 'confirmed',
    });

    // An edit of another axis leaves the line and its decision alone.
    detail = described.json<Detail>();
    const otherAxis = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version: detail.version, budget: { sociality: 900 } },
    });
    expect(socialLine(otherAxis.json<Detail>()).confirmation).toBe('confirmed');

    detail = otherAxis.json<Detail>();
    const amount = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version: detail.version, budget: { habitat: habitatWith(detail, { amount: 1500 }) } },
    });
    expect(socialLine(amount.json<Detail>())).toMatchObject({ amount: 1500, confirmation: 'proposed' });

    await decide(sw, ptri.id, socialLine(amount.json<Detail>()).id, { decision: 'declined', note: 'Fondi esauriti' });
    detail = await read(cm, ptri.id);
    const hours = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version: detail.version, budget: { habitat: habitatWith(detail, { hours: 10 }) } },
    });
    expect(socialLine(hours.json<Detail>()).confirmation).toBe('proposed');

    // A line that leaves social services drops the confirmation; one that becomes social services is proposed.
    detail = hours.json<Detail>();
    const moved = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version: detail.version, budget: { habitat: habitatWith(detail, { source: 'other_public' }) } },
    });
    const line = moved.json<Detail>().budgetLines.find((l) => l.axis === 'habitat')!;
    expect(line).toMatchObject({ source: 'other_public', confirmation: null });
  });

  it('refuses a decision once the project is closed', async () => {
    const { cm, ptri } = await activeProject(ctx);
    const sw = await ctx.as('sw.bologna');
    const line = socialLine(await read(sw, ptri.id));
    const closed = await cm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/transitions`,
      payload: {
        to: 'closed',
        reason: 'Obiettivi raggiunti',
        date: '2025-03-01',
        goalOutcomes: { habitat: 'achieved', work: 'partly_achieved' },
      },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await decide(sw, ptri.id, line.id, { decision: 'confirmed' })).statusCode).toBe(409);
  });
});

describe('budget lines pointing at a resource', () => {
  async function resource(overrides: Record<string, unknown> = {}) {
    const admin = await ctx.as('admin');
    const res = await admin({
      method: 'POST',
      url: '/api/resources',
      payload: {
        name: 'Appartamenti solidali Navile',
        kind: 'housing',
        axis: 'habitat',
        districtIds: [ctx.world.districts.bologna],
        provider: 'Associazione Casa Comune ODV',
        providerKind: 'ets',
        runtsNumber: '98765',
        ...overrides,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  }

  it('links a line to an active resource at creation and edit; absent keeps the link, null removes it', async () => {
    const flat = await resource();
    const cm = await ctx.as('cm.navile');
    const person = (await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) })).json();
    const created = await cm({
      method: 'POST',
      url: '/api/ptris',
      payload: ptriBody(ctx, person.id, {
        budget: { habitat: [{ source: 'social_services', description: 'Posto in appartamento', amount: 900, resourceId: flat }] },
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(socialLine(created.json<Detail>()).resourceId).toBe(flat);

    // Sent back without resourceId, a kept line keeps its resource; null unlinks it and makes a new revision.
    const detail = created.json<Detail>();
    const kept = await cm({
      method: 'PATCH',
      url: `/api/ptris/${detail.id}`,
      payload: { version: detail.version, intensity: 'high', budget: { habitat: habitatWith(detail, {}) } },
    });
    expect(socialLine(kept.json<Detail>()).resourceId).toBe(flat);
    const unlinked = await cm({
      method: 'PATCH',
      url: `/api/ptris/${detail.id}`,
      payload: { version: kept.json<Detail>().version, budget: { habitat: habitatWith(kept.json<Detail>(), { resourceId: null }) } },
    });
    expect(socialLine(unlinked.json<Detail>()).resourceId).toBeNull();
    expect(unlinked.json<Detail>().revision).toBe(kept.json<Detail>().revision + 1);
  });

  it('refuses an unknown or withdrawn resource with 400 naming the line, and writes nothing', async () => {
    const withdrawn = await resource({ name: 'Casa chiusa', active: false });
    const { cm, ptri } = await draftProject(ctx);
    const detail = await read(cm, ptri.id);
    for (const [resourceId, words] of [
      [999_999, 'non è nel catalogo'],
      [withdrawn, 'non è più attiva'],
    ] as const) {
      const res = await cm({
        method: 'PATCH',
        url: `/api/ptris/${ptri.id}`,
        payload: { version: detail.version, budget: { habitat: habitatWith(detail, { resourceId }) } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'budget.habitat.0.resourceId', message: expect.stringContaining(words) }]);
    }
    const after = await read(cm, ptri.id);
    expect(after.version).toBe(detail.version);
    expect(socialLine(after).resourceId).toBeNull();
  });

  it('keeps a line on a resource withdrawn after it was linked', async () => {
    const flat = await resource();
    const { cm, ptri } = await draftProject(ctx);
    let detail = await read(cm, ptri.id);
    detail = (
      await cm({
        method: 'PATCH',
        url: `/api/ptris/${ptri.id}`,
        payload: { version: detail.version, budget: { habitat: habitatWith(detail, { resourceId: flat }) } },
      })
    ).json<Detail>();
    await (
      await ctx.as('admin')
    )({ method: 'PATCH', url: `/api/resources/${flat}`, payload: { active: false } });
    const res = await cm({
      method: 'PATCH',
      url: `/api/ptris/${ptri.id}`,
      payload: { version: detail.version, budget: { habitat: habitatWith(detail, { resourceId: flat, description: 'Posto letto' }) } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(socialLine(res.json<Detail>()).resourceId).toBe(flat);
  });
});
