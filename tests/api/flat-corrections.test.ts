// Correcting Lot 3 records: a stay's dates under the rules of a new stay, a stay cancelled when
// recorded by mistake, and the flat's own hours changed or deleted while their month part is open.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';
import { flat, lot3, lot3Project } from './flats-helpers.ts';
import { recomputedSummaries, storedSummaries } from './work-helpers.ts';

let ctx: TestContext;
let lotId: number;
beforeEach(async () => {
  ctx = await createTestContext();
  lotId = await lot3(ctx);
});
afterEach(() => ctx.close());

const auditOf = (entity: string, id: number) =>
  ctx.db.$client
    .prepare('SELECT action, person_id AS personId, changes FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id')
    .all(entity, id) as { action: string; personId: number | null; changes: string }[];

async function placed(flatId: number, service: 'navile' | 'budrio', from: string, to?: string) {
  const project = await lot3Project(ctx, lotId, service);
  const cm = await ctx.as(service === 'navile' ? 'cm.navile' : 'cm.budrio');
  const res = await cm({ method: 'POST', url: `/api/flats/${flatId}/stays`, payload: { ptriId: project.id, from, ...(to ? { to } : {}) } });
  expect(res.statusCode, res.body).toBe(201);
  return { ...project, stayId: res.json().id as number };
}

const change = (stayId: number, payload: Record<string, unknown>) => ({ method: 'PATCH' as const, url: `/api/stays/${stayId}`, payload });

describe('correcting a stay', () => {
  it('moves its dates, refusing a day with no free place, a stay of the person elsewhere, and days the project is not active', async () => {
    const flatId = await flat(ctx, lotId, { places: 1 });
    const other = await flat(ctx, lotId, { name: 'Casa Mazzini', places: 2 });
    const first = await placed(flatId, 'navile', '2025-02-01', '2025-03-31');
    const second = await placed(flatId, 'navile', '2025-05-01');
    const cm = await ctx.as('cm.navile');

    const moved = await cm(change(first.stayId, { from: '2025-01-15', to: '2025-04-30' }));
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ id: first.stayId, from: '2025-01-15', to: '2025-04-30' });

    const full = await cm(change(first.stayId, { to: '2025-05-10' }));
    expect(full.statusCode).toBe(409);
    expect(full.json().detail).toBe("Nessun posto libero nell'appartamento «Casa Saragozza» il 01/05/2025");
    const open = await cm(change(first.stayId, { to: null }));
    expect(open.statusCode).toBe(409);

    const elsewhere = await cm({ method: 'POST', url: `/api/flats/${other}/stays`, payload: { ptriId: first.id, from: '2025-06-01' } });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const twice = await cm(change(elsewhere.json().id, { from: '2025-04-15' }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe("La persona è già ospite dell'appartamento «Casa Saragozza» dal 15/01/2025 al 30/04/2025");

    const beforeActive = await cm(change(first.stayId, { from: '2024-12-01' }));
    expect(beforeActive.statusCode).toBe(409);
    expect(beforeActive.json().detail).toContain('la permanenza non può iniziare prima');
    const afterEnd = await cm(change(first.stayId, { to: '2026-02-01' }));
    expect(afterEnd.statusCode).toBe(409);
    expect(afterEnd.json().detail).toContain('la permanenza non può andare oltre');

    const backwards = await cm(change(first.stayId, { to: '2025-01-01' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('to');
    expect((await cm(change(first.stayId, {}))).statusCode).toBe(400);

    const stays = (await cm({ method: 'GET', url: `/api/flats/${flatId}` })).json().stays;
    expect(stays.map((s: { id: number; from: string; to: string | null }) => [s.id, s.from, s.to])).toEqual([
      [second.stayId, '2025-05-01', null],
      [first.stayId, '2025-01-15', '2025-04-30'],
    ]);
    const audit = auditOf('flat_stay', first.stayId);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.changes)).toEqual({
      from: { before: '2025-02-01', after: '2025-01-15' },
      to: { before: '2025-03-31', after: '2025-04-30' },
    });
  });

  it('keeps an ended stay’s exit day in the past, and lets only the case manager of the project’s service correct it', async () => {
    const flatId = await flat(ctx, lotId, { places: 2 });
    const stay = await placed(flatId, 'navile', '2025-02-01');
    const cm = await ctx.as('cm.navile');
    const ended = await cm({
      method: 'POST',
      url: `/api/stays/${stay.stayId}/end`,
      payload: { date: '2025-03-31', destination: 'family', note: 'NOTA-USCITA' },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await cm(change(stay.stayId, { to: null }))).statusCode).toBe(400);
    const corrected = await cm(change(stay.stayId, { to: '2025-04-15' }));
    expect(corrected.json()).toMatchObject({ to: '2025-04-15', destination: 'family' });
    expect(corrected.body).not.toContain('NOTA-USCITA');
    expect((await (await ctx.as('cm.budrio'))(change(stay.stayId, { to: '2025-04-10' }))).statusCode).toBe(404);
    expect((await (await ctx.as('coop.alfa'))(change(stay.stayId, { to: '2025-04-10' }))).statusCode).toBe(403);
    expect((await (await ctx.as('admin'))(change(stay.stayId, { to: '2025-04-10' }))).statusCode).toBe(200);
  });
});

describe('cancelling a stay', () => {
  it('removes a stay recorded by mistake, frees its place, and keeps every value it had in the audit log', async () => {
    const flatId = await flat(ctx, lotId, { places: 1 });
    const mistake = await placed(flatId, 'navile', '2025-02-01');
    expect((await (await ctx.as('cm.budrio'))({ method: 'DELETE', url: `/api/stays/${mistake.stayId}` })).statusCode).toBe(404);
    const cm = await ctx.as('cm.navile');
    const cancelled = await cm({ method: 'DELETE', url: `/api/stays/${mistake.stayId}` });
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    expect((await cm({ method: 'DELETE', url: `/api/stays/${mistake.stayId}` })).statusCode).toBe(404);
    expect((await cm({ method: 'GET', url: `/api/flats/${flatId}` })).json()).toMatchObject({ stays: [], freeToday: 1 });
    expect((await cm({ method: 'GET', url: `/api/ptris/${mistake.id}/stays` })).json().items).toEqual([]);
    const audit = auditOf('flat_stay', mistake.stayId);
    expect(audit.map((a) => [a.action, a.personId])).toEqual([
      ['create', mistake.personId],
      ['delete', mistake.personId],
    ]);
    expect(JSON.parse(audit[1]!.changes).before).toMatchObject({ flatId, ptriId: mistake.id, fromDate: '2025-02-01', toDate: null });
    // The place is free again for someone else.
    await placed(flatId, 'navile', '2025-02-01');
  });
});

const work = { date: '2025-03-12', activity: 'Supporto alla gestione della casa', hours: 2, operatorRole: 'Educatore' };

describe('correcting the flat’s own hours', () => {
  it('changes hours, day and activity at the lot rate, moving them between months, with the totals in step', async () => {
    const flatId = await flat(ctx, lotId);
    const alfa = await ctx.as('coop.alfa');
    const id = (await alfa({ method: 'POST', url: `/api/flats/${flatId}/interventions`, payload: work })).json().id as number;
    const patch = (payload: Record<string, unknown>) => ({ method: 'PATCH' as const, url: `/api/flat-interventions/${id}`, payload });

    const changed = await alfa(patch({ hours: 3.5, notes: 'riunione di casa' }));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ id, hours: 3.5, amount: 84, notes: 'riunione di casa', editable: true });
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));

    expect((await alfa(patch({ date: '2025-04-02' }))).json()).toMatchObject({ date: '2025-04-02' });
    expect((await alfa({ method: 'GET', url: `/api/flats/${flatId}/interventions?month=2025-03` })).json().items).toEqual([]);
    expect((await alfa({ method: 'GET', url: `/api/flats/${flatId}/interventions?month=2025-04` })).json().items).toHaveLength(1);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));

    const wrongAxis = await alfa(patch({ activity: 'Tirocinio' }));
    expect(wrongAxis.statusCode).toBe(400);
    expect(wrongAxis.json().errors[0].path).toBe('activity');
    expect((await alfa(patch({ hours: 0 }))).statusCode).toBe(400);
    expect((await alfa(patch({ date: '2999-01-01' }))).statusCode).toBe(400);
    expect((await (await ctx.as('coop.beta'))(patch({ hours: 1 }))).statusCode).toBe(404);
    expect((await (await ctx.as('manager'))(patch({ hours: 1 }))).statusCode).toBe(403);

    const audit = auditOf('flat_intervention', id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.parse(audit[1]!.changes)).toMatchObject({
      minutes: { before: 120, after: 210 },
      amountCents: { before: 4800, after: 8400 },
    });
  });

  it('refuses changes once the flats part is submitted, takes them again once a manager returns it, and deletes with an audit trail', async () => {
    const flatId = await flat(ctx, lotId);
    const alfa = await ctx.as('coop.alfa');
    const id = (await alfa({ method: 'POST', url: `/api/flats/${flatId}/interventions`, payload: work })).json().id as number;
    const month = `/api/cooperatives/${ctx.world.coops.alfa}/reports/2025-03`;
    expect((await alfa({ method: 'POST', url: `${month}/submit` })).statusCode).toBe(200);

    const locked = await alfa({ method: 'PATCH', url: `/api/flat-interventions/${id}`, payload: { hours: 1 } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().detail).toBe("Il mese di marzo 2025 è già stato inviato: l'intervento non si può modificare");
    expect((await alfa({ method: 'DELETE', url: `/api/flat-interventions/${id}` })).statusCode).toBe(409);
    const listed = (await alfa({ method: 'GET', url: `/api/flats/${flatId}/interventions?month=2025-03` })).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, hours: 2, editable: false })]);

    const returned = await (
      await ctx.as('manager')
    )({ method: 'POST', url: `${month}/parts/flats/review`, payload: { decision: 'returned', note: 'ore da rivedere' } });
    expect(returned.statusCode, returned.body).toBe(200);
    expect((await alfa({ method: 'GET', url: `/api/flats/${flatId}/interventions?month=2025-03` })).json().items[0].editable).toBe(true);
    const deleted = await alfa({ method: 'DELETE', url: `/api/flat-interventions/${id}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await alfa({ method: 'GET', url: `/api/flats/${flatId}/interventions?month=2025-03` })).json().items).toEqual([]);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
    const audit = auditOf('flat_intervention', id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(JSON.parse(audit[1]!.changes).before).toMatchObject({ flatId, minutes: 120, amountCents: 4800, date: '2025-03-12' });
  });
});

describe('closing a flat', () => {
  it('refuses a closing day before the end of a stay, and closes the flat once its stays end by then', async () => {
    const flatId = await flat(ctx, lotId);
    const resident = await placed(flatId, 'navile', '2025-02-01');
    const admin = await ctx.as('admin');
    const close = (closedOn: string | null) => admin({ method: 'PATCH', url: `/api/flats/${flatId}`, payload: { closedOn } });
    const early = await close('2025-06-30');
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe(
      "La permanenza iniziata il 01/02/2025 resta fuori dal periodo dell'appartamento: l'appartamento chiude il 30/06/2025",
    );
    const later = await admin({ method: 'PATCH', url: `/api/flats/${flatId}`, payload: { openedOn: '2025-03-01' } });
    expect(later.statusCode).toBe(409);
    const cm = await ctx.as('cm.navile');
    await cm({ method: 'POST', url: `/api/stays/${resident.stayId}/end`, payload: { date: '2025-06-15', destination: 'own_home' } });
    const closed = await close('2025-06-30');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ closedOn: '2025-06-30', occupiedToday: 0 });
    const another = await lot3Project(ctx, lotId);
    const refused = await cm({ method: 'POST', url: `/api/flats/${flatId}/stays`, payload: { ptriId: another.id, from: '2025-07-01' } });
    expect(refused.statusCode).toBe(409);
    expect((await close(null)).json().closedOn).toBeNull();
  });
});
