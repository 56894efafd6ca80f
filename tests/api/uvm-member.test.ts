// The social worker takes part in UVM evaluations as a member: a member may name a social worker's
// account, which then finds the meeting among its own with the outcome, whatever district the
// person lives in; never the scores nor the notes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, SUBMITTED_ON, type TestContext } from './helpers.ts';
import { approvingEvaluation, draftProject, signByPerson } from './ptri-fixtures.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const userId = (username: string) => (ctx.db.$client.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;

/** A submitted, signed project of a person living in Città di Bologna. */
async function submittedProject() {
  const made = await draftProject(ctx);
  await made.cm({ method: 'POST', url: `/api/ptris/${made.ptri.id}/transitions`, payload: { to: 'submitted', date: SUBMITTED_ON } });
  await signByPerson(made.cm, made.ptri.id);
  return made;
}

const withMember = (username: string, extra: Record<string, unknown> = {}) => ({
  ...approvingEvaluation,
  notes: 'Osservazione clinica della UVM',
  members: [
    ...approvingEvaluation.members,
    { name: 'A.S. Verdi', role: 'assistente sociale', organisation: 'social_services', userId: userId(username), ...extra },
  ],
});

describe('a social worker as a member of the UVM', () => {
  it('finds the meetings it sat on with their outcome, even for a person of another district, never the scores', async () => {
    const { ptri } = await submittedProject();
    const uvm = await ctx.as('uvm.bologna');
    const res = await uvm({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: withMember('sw.pianura') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().members[2]).toMatchObject({ name: 'A.S. Verdi', userId: userId('sw.pianura') });

    const member = await ctx.as('sw.pianura');
    const mine = await member({ method: 'GET', url: '/api/me/evaluations' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([
      {
        evaluationId: res.json().id,
        ptriId: ptri.id,
        personName: expect.any(String),
        date: approvingEvaluation.date,
        kind: 'initial',
        outcome: 'approved',
        nextReviewDate: '2025-07-10',
      },
    ]);
    expect(mine.body).not.toContain('honos');
    expect(mine.body).not.toContain('Osservazione clinica');
    // Sitting on one meeting opens nothing else of the person's record.
    expect((await member({ method: 'GET', url: `/api/ptris/${ptri.id}` })).statusCode).toBe(404);
    expect((await member({ method: 'GET', url: `/api/ptris/${ptri.id}/evaluations` })).statusCode).toBe(404);
    const logged = ctx.db.$client
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE username = 'sw.pianura' AND entity = 'evaluation_list'")
      .get() as { n: number };
    expect(logged.n).toBe(1);
    // The district's own social worker was not named: its list is empty.
    expect((await (await ctx.as('sw.bologna'))({ method: 'GET', url: '/api/me/evaluations' })).json().items).toEqual([]);
  });

  it('refuses a member naming an account that is not an active social worker, and records nothing', async () => {
    const { ptri } = await submittedProject();
    const uvm = await ctx.as('uvm.bologna');
    const res = await uvm({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: withMember('cm.navile') });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'members.2.userId', message: expect.stringContaining('assistente sociale') }]);
    const unknown = await uvm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/evaluations`,
      payload: withMember('sw.bologna', { userId: 99_999 }),
    });
    expect(unknown.statusCode).toBe(400);
    const counts = ctx.db.$client
      .prepare('SELECT (SELECT COUNT(*) FROM evaluations) AS evaluations, (SELECT COUNT(*) FROM evaluation_social_workers) AS members')
      .get();
    expect(counts).toEqual({ evaluations: 0, members: 0 });
  });

  it('pages the meetings newest first, and is the social worker’s list only', async () => {
    const first = await submittedProject();
    const second = await submittedProject();
    const uvm = await ctx.as('uvm.bologna');
    for (const [made, date] of [
      [first, '2025-01-10'],
      [second, '2025-01-20'],
    ] as const) {
      const res = await uvm({
        method: 'POST',
        url: `/api/ptris/${made.ptri.id}/evaluations`,
        payload: { ...withMember('sw.bologna'), date },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const sw = await ctx.as('sw.bologna');
    const page1 = (await sw({ method: 'GET', url: '/api/me/evaluations?limit=1' })).json();
    expect(page1.items.map((e: { ptriId: number }) => e.ptriId)).toEqual([second.ptri.id]);
    const page2 = (await sw({ method: 'GET', url: `/api/me/evaluations?limit=1&cursor=${page1.nextCursor}` })).json();
    expect(page2.items.map((e: { ptriId: number }) => e.ptriId)).toEqual([first.ptri.id]);
    expect(page2.nextCursor).toBeNull();
    for (const username of ['admin', 'manager', 'cm.navile', 'uvm.bologna', 'coop.alfa']) {
      expect((await (await ctx.as(username))({ method: 'GET', url: '/api/me/evaluations' })).statusCode, username).toBe(403);
    }
  });
});
