// The upload's write trusts its sliced check only while every read of that check gives the same
// answer: then the rows it stores are those a full check inside the transaction would store.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@bds/server/auth/principal.ts';
import { policyOf } from '@bds/server/access/policy.ts';
import { CheckInputs } from '@bds/server/interventions/check-inputs.ts';
import { checkEntry, type NewIntervention, type PartialEntry } from '@bds/server/interventions/entry.ts';
import { entryContext } from '@bds/server/interventions/service.ts';
import * as q from '@bds/server/interventions/queries.ts';
import { createTestContext, type TestContext } from './helpers.ts';
import { activeProject, record } from './work-helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

function coopActor(): Actor {
  const user = ctx.db.$client
    .prepare(`SELECT id, username, display_name AS displayName, cooperative_id AS cooperativeId FROM users WHERE username = 'coop.alfa'`)
    .get() as { id: number; username: string; displayName: string; cooperativeId: number };
  return {
    user: { ...user, role: 'cooperative', serviceId: null, districtId: null, mustChangePassword: false, sessionId: 's' },
    ip: '127.0.0.1',
    today: '2026-12-06',
    now: '2026-12-06T09:00:00.000Z',
  };
}

const entries = (ptriIds: number[]): PartialEntry[] =>
  ptriIds.flatMap((ptriId) =>
    ['2025-03-03', '2025-03-04', '2025-03-03'].map((date) => ({
      ptriId,
      date,
      axis: 'habitat' as const,
      activity: "Accompagnamento all'abitare",
      hours: 9,
      operatorRole: 'Educatore',
      notes: null,
    })),
  );

/** What the upload does with a file's rows: each checked in order against those accepted before it. */
function check(actor: Actor, ptriIds: number[], rows: PartialEntry[], inputs?: CheckInputs) {
  const projects = q.projectsForWork(ctx.db, ptriIds, policyOf(actor.user));
  const context = entryContext(ctx.db, actor, ctx.world.coops.alfa, projects, undefined, 0, inputs);
  const accepted: NewIntervention[] = [];
  const refused: number[] = [];
  rows.forEach((row, i) => {
    const result = checkEntry(context, row);
    if (result.ok) {
      context.book(result.value);
      accepted.push(result.value);
    } else refused.push(i);
  });
  return { accepted, refused };
}

describe('the upload check inputs', () => {
  it('hold while nothing the check read has changed, and the check then equals a full one', async () => {
    const a = await activeProject(ctx);
    const b = await activeProject(ctx);
    const actor = coopActor();
    const rows = entries([a.id, b.id]);
    const inputs = new CheckInputs();
    const sliced = check(actor, [a.id, b.id], rows, inputs);
    // 9 + 9 hours on the 3rd fit, a third 9 would not: the check books the file's own rows.
    expect(sliced.refused).toEqual([]);
    expect(await inputs.stillHold(ctx.db, ctx.world.coops.alfa, [a.id, b.id], policyOf(actor.user), () => nextTurn())).toBe(true);
    expect(check(actor, [a.id, b.id], rows)).toEqual(sliced);
  });

  it('stop holding when a day of a person, a project, the month or the activities change', async () => {
    const a = await activeProject(ctx);
    const actor = coopActor();
    const scope = policyOf(actor.user);
    const coop = await ctx.as('coop.alfa');
    const holdsAfter = async (change: () => Promise<void> | void) => {
      const inputs = new CheckInputs();
      check(actor, [a.id], entries([a.id]), inputs);
      await change();
      return inputs.stillHold(ctx.db, ctx.world.coops.alfa, [a.id], scope, () => nextTurn());
    };

    expect(await holdsAfter(() => undefined)).toBe(true);
    // Another intervention on the person's month: the day may now be over 24 hours.
    expect(await holdsAfter(async () => expect((await record(coop, a.id, { date: '2025-03-03', hours: 7 })).statusCode).toBe(201))).toBe(
      false,
    );
    expect(
      await holdsAfter(
        () => void ctx.db.$client.prepare(`UPDATE activities SET active = 0 WHERE id = (SELECT MAX(id) FROM activities)`).run(),
      ),
    ).toBe(false);
    expect(await holdsAfter(() => void ctx.db.$client.prepare(`UPDATE ptris SET end_date = '2025-03-03' WHERE id = ?`).run(a.id))).toBe(
      false,
    );
    expect(
      await holdsAfter(async () => {
        const res = await coop({ method: 'POST', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports/2025-03/submit` });
        expect(res.statusCode, res.body).toBe(200);
      }),
    ).toBe(false);
  });
});
