// Issue 19: lifecycle and evaluation dates may precede the day a project was written by the
// back-dating window at most (accepted inside it and logged as back-dated), and no work is dated
// before its lot's tender began. Every date is set through the pinned clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACK_DATING_WINDOW_DAYS, addDays, clockAt } from '@bds/shared';
import { createTestContext, WRITTEN_ON, type TestContext } from './helpers.ts';
import { expectRefusal } from './expect-refusal.ts';
import { draftProject, signByPerson } from './ptri-fixtures.ts';
import { member } from './work-helpers.ts';
import { activityBody, addLot4, createActivity, sessionBody } from './community-helpers.ts';

/** The first day a fixture project (written on WRITTEN_ON) still accepts, and the day before it. */
const EARLIEST = addDays(WRITTEN_ON, -BACK_DATING_WINDOW_DAYS);
const TOO_EARLY = addDays(EARLIEST, -1);

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ clock: clockAt('2025-03-20') });
});
afterEach(() => ctx.close());

const count = (table: string) => (ctx.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

function lastAudit(entity: string): Record<string, unknown> {
  const row = ctx.db.$client.prepare('SELECT changes FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT 1').get(entity) as {
    changes: string;
  };
  return JSON.parse(row.changes) as Record<string, unknown>;
}

const status = async (id: number) => (await (await ctx.as('cm.navile'))({ method: 'GET', url: `/api/ptris/${id}` })).json().status;

describe('the back-dating window of a project', () => {
  it('is sixty days, the day the project was written included', () => {
    expect(BACK_DATING_WINDOW_DAYS).toBe(60);
    expect(EARLIEST).toBe('2024-11-11');
  });

  it('refuses a move dated before the window, naming the date and the day the project was written', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const before = count('ptri_transitions');
    const res = await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: TOO_EARLY } });
    const message = expectRefusal(res, 400, ['date']).errors[0]!.message;
    expect(message).toContain('60 giorni');
    expect(message).toContain('10/01/2025');
    expect(count('ptri_transitions')).toBe(before);
    expect(await status(ptri.id)).toBe('draft');
  });

  it('takes a move dated inside the window and logs it as back-dated', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const res = await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: EARLIEST } });
    expect(res.statusCode, res.body).toBe(200);
    expect(lastAudit('ptri')).toMatchObject({ status: { before: 'draft', after: 'submitted' }, date: EARLIEST, backDated: true });
  });

  it('refuses an evaluation dated before the window and activates nothing; one inside it is logged as back-dated', async () => {
    const { cm, ptri } = await draftProject(ctx);
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: EARLIEST } });
    await signByPerson(cm, ptri.id, 'person', EARLIEST);
    const uvm = await ctx.as('uvm.bologna');
    const url = `/api/ptris/${ptri.id}/evaluations`;
    const evaluation = { kind: 'initial', members: [member], outcome: 'approved' };
    expectRefusal(await uvm({ method: 'POST', url, payload: { ...evaluation, date: TOO_EARLY } }), 400, ['date']);
    expect(count('evaluations')).toBe(0);
    expect(await status(ptri.id)).toBe('submitted');

    const accepted = await uvm({ method: 'POST', url, payload: { ...evaluation, date: EARLIEST } });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(await status(ptri.id)).toBe('active');
    expect(lastAudit('evaluation')).toMatchObject({ kind: 'initial', date: EARLIEST, backDated: true });
  });

  it('does not mark a move of the current month as back-dated', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const res = await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: '2025-03-02' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(lastAudit('ptri')).not.toHaveProperty('backDated');
  });

  it('counts from the day the project was written, not from today', async () => {
    ctx.clock.setToday('2025-09-30');
    const { cm, ptri } = await draftProject(ctx);
    const res = await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: EARLIEST } });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe("a Lot 4 session and its lot's tender", () => {
  it('refuses a session dated before the tender of the activity’s lot began, and bills nothing', async () => {
    const lotId = addLot4(ctx);
    const admin = await ctx.as('admin');
    const tender = await admin({
      method: 'PATCH',
      url: `/api/lots/${lotId}`,
      payload: { tenderStart: '2025-02-01', tenderEnd: '2027-12-31' },
    });
    expect(tender.statusCode, tender.body).toBe(200);
    const activityId = await createActivity(ctx, activityBody(ctx, { from: '2025-01-01' }));
    const coop = await ctx.as('coop.alfa');
    const url = `/api/community-activities/${activityId}/sessions`;
    const early = await coop({ method: 'POST', url, payload: sessionBody({ date: '2025-01-31' }) });
    expect(expectRefusal(early, 400, ['date']).errors[0]!.message).toContain('01/02/2025');
    expect(count('community_sessions')).toBe(0);
    expect((await coop({ method: 'POST', url, payload: sessionBody({ date: '2025-02-03' }) })).statusCode).toBe(201);
  });
});
