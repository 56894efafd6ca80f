// Dates and rules the server refuses: each refusal is problem+json naming the field, in Italian,
// and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays as addDaysToDate, today } from '@bds/shared';
import { createTestContext, personBody, SUBMITTED_ON, type TestContext } from './helpers.ts';
import { expectRefusal } from './expect-refusal.ts';
import { activeProject as activeWithPerson, draftProject, ptriBody, signByPerson, writeProject } from './ptri-fixtures.ts';
import { activeProject, member, record } from './work-helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const count = (table: string) => (ctx.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('dates out of bounds', () => {
  it('refuses birth dates before 1900, far ahead or in the future, and registers no one', async () => {
    const cm = await ctx.as('cm.navile');
    const before = count('persons');
    for (const birthDate of ['0000-01-01', '1899-12-31', '9999-12-31', '2030-01-01', addDaysToDate(today(), 1)]) {
      const res = await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna, { birthDate }) });
      expectRefusal(res, 400, ['birthDate']);
    }
    expect(count('persons')).toBe(before);
    expect(
      (await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna, { birthDate: today() }) }))
        .statusCode,
    ).toBe(201);
  });

  it('refuses a project period from 0000-01-01 to 9999-12-31, or more than ten years ahead', async () => {
    const { cm, person } = await draftProject(ctx);
    const before = count('ptris');
    const absurd = await cm({
      method: 'POST',
      url: '/api/ptris',
      payload: ptriBody(ctx, person.id, { startDate: '0000-01-01', endDate: '9999-12-31' }),
    });
    expectRefusal(absurd, 400, ['startDate', 'endDate']);
    const farAhead = `${Number(today().slice(0, 4)) + 11}-01-01`;
    expectRefusal(await cm({ method: 'POST', url: '/api/ptris', payload: ptriBody(ctx, person.id, { endDate: farAhead }) }), 400, [
      'endDate',
    ]);
    expect(count('ptris')).toBe(before);
  });

  it('refuses an evaluation dated in the future, which would hold back every later one', async () => {
    const { id } = await activeProject(ctx);
    const uvm = await ctx.as('uvm.bologna');
    const before = count('evaluations');
    for (const date of ['9999-12-30', addDaysToDate(today(), 1)]) {
      const res = await uvm({
        method: 'POST',
        url: `/api/ptris/${id}/evaluations`,
        payload: { date, kind: 'review', members: [member], outcome: 'approved' },
      });
      expectRefusal(res, 400, ['date']);
    }
    expect(count('evaluations')).toBe(before);
    const review = await uvm({
      method: 'POST',
      url: `/api/ptris/${id}/evaluations`,
      payload: { date: today(), kind: 'review', members: [member], outcome: 'approved' },
    });
    expect(review.statusCode).toBe(201);
  });

  it('refuses suspending or closing a project on a day before work already recorded', async () => {
    const { id } = await activeProject(ctx);
    const coop = await ctx.as('coop.alfa');
    expect((await record(coop, id, { date: '2025-03-10' })).statusCode).toBe(201);
    const cm = await ctx.as('cm.navile');
    const url = `/api/ptris/${id}/transitions`;
    const closing = await cm({ method: 'POST', url, payload: { to: 'closed', reason: 'Obiettivi raggiunti', date: '2025-03-09' } });
    expect(expectRefusal(closing, 400, ['date']).errors[0]!.message).toContain('10/03/2025');
    // Work is not taken on the day a suspension begins, so that day too is refused.
    expectRefusal(await cm({ method: 'POST', url, payload: { to: 'suspended', reason: 'Ricovero', date: '2025-03-10' } }), 400, ['date']);
    const after = (await cm({ method: 'GET', url: `/api/ptris/${id}` })).json();
    expect(after.status).toBe('active');
    expect(
      (
        await cm({
          method: 'POST',
          url,
          payload: {
            to: 'closed',
            reason: 'Obiettivi raggiunti',
            date: '2025-03-10',
            goalOutcomes: { habitat: 'achieved', work: 'partly_achieved' },
          },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses submitting a month before it has ended', async () => {
    const { id } = await activeProject(ctx, { endDate: addDaysToDate(today(), 60) });
    const coop = await ctx.as('coop.alfa');
    expect((await record(coop, id, { date: today() })).statusCode).toBe(201);
    const res = await coop({ method: 'POST', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports/${today().slice(0, 7)}/submit` });
    expectRefusal(res, 400, ['month']);
    expect(count('monthly_reports')).toBe(0);
  });
});

describe("the lot's tender", () => {
  it('gives every lot a tender period the admin sets, in order', async () => {
    const admin = await ctx.as('admin');
    const url = `/api/lots/${ctx.world.lots.lot1}`;
    const set = await admin({ method: 'PATCH', url, payload: { tenderStart: '2024-01-01', tenderEnd: '2027-12-31' } });
    expect(set.json()).toMatchObject({ tenderYear: 2024, tenderStart: '2024-01-01', tenderEnd: '2027-12-31' });
    expectRefusal(await admin({ method: 'PATCH', url, payload: { tenderStart: '2028-01-01', tenderEnd: '2027-12-31' } }), 400, [
      'tenderEnd',
    ]);
    expect(
      (await admin({ method: 'GET', url: '/api/lots' })).json().find((lot: { id: number }) => lot.id === ctx.world.lots.lot1),
    ).toMatchObject({ tenderStart: '2024-01-01' });
  });

  it('refuses a project or a piece of work dated before its lot tender began', async () => {
    const { id } = await activeProject(ctx);
    const admin = await ctx.as('admin');
    await admin({
      method: 'PATCH',
      url: `/api/lots/${ctx.world.lots.lot1}`,
      payload: { tenderStart: '2024-01-01', tenderEnd: '2027-12-31' },
    });
    const { cm, person } = await draftProject(ctx);
    const before = count('ptris');
    const early = await cm({
      method: 'POST',
      url: '/api/ptris',
      payload: ptriBody(ctx, person.id, { startDate: '2023-06-01', endDate: '2024-05-31' }),
    });
    expect(expectRefusal(early, 400, ['startDate']).errors[0]!.message).toContain('01/01/2024');
    expect(count('ptris')).toBe(before);
    const work = await record(await ctx.as('coop.alfa'), id, { date: '2023-12-31' });
    expect(expectRefusal(work, 400, ['date']).errors[0]!.message).toContain('gara');
    expect(count('interventions')).toBe(0);
  });
});

describe('duplicates', () => {
  it('refuses a repeat inside one body with 400 on the repeated item', async () => {
    const admin = await ctx.as('admin');
    const { cm, person } = await draftProject(ctx);
    const { alfa } = ctx.world.coops;
    expectRefusal(
      await cm({ method: 'POST', url: '/api/ptris', payload: ptriBody(ctx, person.id, { cooperativeIds: [alfa, alfa] }) }),
      400,
      ['cooperativeIds.1'],
    );
    expectRefusal(
      await admin({ method: 'PATCH', url: `/api/lots/${ctx.world.lots.lot1}`, payload: { cooperativeIds: [alfa, alfa] } }),
      400,
      ['cooperativeIds.1'],
    );
    expectRefusal(
      await admin({ method: 'PATCH', url: `/api/services/${ctx.world.services.navile}`, payload: { aliases: ['CSM NAV', 'CSM NAV'] } }),
      400,
      ['aliases.1'],
    );
  });

  it('refuses a lot number, district code, VAT number or alias another record holds with 409 naming the field', async () => {
    const admin = await ctx.as('admin');
    const tables = ['lots', 'districts', 'cooperatives', 'service_aliases', 'services'].map(count);
    const lot = {
      number: 1,
      title: 'Lotto 1 bis',
      tenderYear: 2024,
      tenderStart: '2024-01-01',
      tenderEnd: '2027-12-31',
      serviceKinds: ['CSM'],
      contractor: 'RTI',
    };
    expectRefusal(await admin({ method: 'POST', url: '/api/lots', payload: lot }), 409, ['number']);
    expectRefusal(await admin({ method: 'POST', url: '/api/districts', payload: { code: 'BOLOGNA', name: 'Bologna bis' } }), 409, ['code']);
    expect(
      (await admin({ method: 'POST', url: '/api/cooperatives', payload: { name: 'Coop Uno', vatNumber: '12345678901' } })).statusCode,
    ).toBe(201);
    expectRefusal(await admin({ method: 'POST', url: '/api/cooperatives', payload: { name: 'Coop Due', vatNumber: '12345678901' } }), 409, [
      'vatNumber',
    ]);
    const alias = { code: 'CSM-NUOVO', kind: 'CSM', name: 'CSM Nuovo', districtId: ctx.world.districts.bologna, aliases: ['CSM NAVILE'] };
    expectRefusal(await admin({ method: 'POST', url: '/api/services', payload: alias }), 409, ['aliases']);
    expect(['lots', 'districts', 'cooperatives', 'service_aliases', 'services'].map(count)).toEqual(
      tables.map((n, i) => (i === 2 ? n + 1 : n)),
    );
  });
});

describe('list filters and addresses', () => {
  it('filters on reviewOverdue=false instead of ignoring it', async () => {
    const overdue = await activeProject(ctx);
    const { cm, ptri: draft } = await draftProject(ctx);
    const ids = async (query: string) =>
      (await cm({ method: 'GET', url: `/api/ptris${query}` }))
        .json()
        .items.map((p: { id: number }) => p.id)
        .sort();
    expect(await ids('?reviewOverdue=true')).toEqual([overdue.id]);
    expect(await ids('?reviewOverdue=false')).toEqual([draft.id]);
    expect(await ids('')).toEqual([overdue.id, draft.id].sort());
  });

  it('takes path ids only as plain positive integers', async () => {
    const { cm, person } = await draftProject(ctx);
    for (const id of ['0x10', '1e2', `0${person.id}`, '%20' + person.id, '0', '-1', '1.0', '99999999999999999999']) {
      const res = await cm({ method: 'GET', url: `/api/persons/${id}` });
      expectRefusal(res, 400, ['id']);
    }
    expect((await cm({ method: 'GET', url: `/api/persons/${person.id}` })).statusCode).toBe(200);
  });

  it('answers a query string over the limit with problem+json, as every refusal', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const res = await fetch(`http://127.0.0.1:${address.port}/api/ptris?q=${'a'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({
      status: 431,
      title: 'Intestazioni troppo grandi',
      detail: expect.stringContaining('lunghezza massima'),
    });
  });
});

describe('one project per lot at a time', () => {
  it('refuses activating a second project of the same lot for a person already in care, naming the other', async () => {
    const first = await activeWithPerson(ctx);
    const cm = first.cm;
    const second = (await writeProject(ctx, cm, ptriBody(ctx, first.person.id, { startDate: '2025-06-01', endDate: '2026-05-31' }))).json();
    await cm({ method: 'POST', url: `/api/ptris/${second.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
    await signByPerson(cm, second.id);
    const uvm = await ctx.as('uvm.bologna');
    const before = count('evaluations');
    const res = await uvm({
      method: 'POST',
      url: `/api/ptris/${second.id}/evaluations`,
      payload: { date: '2025-05-20', kind: 'initial', members: [member], outcome: 'approved' },
    });
    const problem = expectRefusal(res, 409, ['lotId']) as unknown as { ptriId: number; detail: string };
    expect(problem.ptriId).toBe(first.ptri.id);
    expect(problem.detail).toContain(`n. ${first.ptri.id}`);
    expect(count('evaluations')).toBe(before);
    expect((await cm({ method: 'GET', url: `/api/ptris/${second.id}` })).json().status).toBe('submitted');
  });
});
