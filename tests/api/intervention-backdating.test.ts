// Issue 19: work dated before the current month is logged as back-dated, typed in, changed or
// uploaded with the month's file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockAt } from '@bds/shared';
import { createTestContext, type TestContext } from './helpers.ts';
import { activeProject, csvUpload, record } from './work-helpers.ts';

let today = '2025-06-15';
let ctx: TestContext;
beforeEach(async () => {
  today = '2025-06-15';
  // The day moves within a test: each call asks the clock of the moment.
  ctx = await createTestContext({ clock: { now: () => clockAt(today).now(), today: () => today } });
});
afterEach(() => ctx.close());

function auditChanges(entity: string): Record<string, unknown>[] {
  return (ctx.db.$client.prepare('SELECT changes FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as { changes: string }[]).map(
    (row) => JSON.parse(row.changes) as Record<string, unknown>,
  );
}

describe('back-dated interventions', () => {
  it('logs an entry dated in an earlier month as back-dated; one of this month is not', async () => {
    const { id } = await activeProject(ctx);
    const coop = await ctx.as('coop.alfa');
    expect((await record(coop, id, { date: '2025-04-16' })).statusCode).toBe(201);
    expect((await record(coop, id, { date: '2025-06-02' })).statusCode).toBe(201);
    const [old, recent] = auditChanges('intervention');
    expect(old).toMatchObject({ backDated: true });
    expect(recent).not.toHaveProperty('backDated');
  });

  it('logs a change of an entry as back-dated once its month has passed', async () => {
    const { id } = await activeProject(ctx);
    const coop = await ctx.as('coop.alfa');
    const created = (await record(coop, id, { date: '2025-06-10' })).json<{ id: number }>();
    const url = `/api/interventions/${created.id}`;
    expect(auditChanges('intervention').at(-1)).not.toHaveProperty('backDated');
    today = '2025-07-15';
    const hours = await coop({ method: 'PATCH', url, payload: { hours: 3 } });
    expect(hours.statusCode, hours.body).toBe(200);
    expect(auditChanges('intervention').at(-1)).toMatchObject({ minutes: { before: 150, after: 180 }, backDated: true });
  });

  it("logs the upload of an earlier month's file as back-dated", async () => {
    const { id } = await activeProject(ctx);
    const file = `ptriId;date;axis;activity;hours;operatorRole;notes\n${id};2025-03-03;habitat;Accompagnamento all'abitare;1;Educatore;\n`;
    const res = await csvUpload(await ctx.as('coop.alfa'), ctx.world.coops.alfa, '2025-03', file);
    expect(res.statusCode, res.body).toBe(201);
    expect(auditChanges('intervention_upload')).toEqual([expect.objectContaining({ month: '2025-03', backDated: true })]);
  });
});
