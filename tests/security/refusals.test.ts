// Refused attempts at person data leave a trace in the access log, a bounded number per minute.
import { afterEach, describe, expect, it } from 'vitest';
import { REFUSALS_LOGGED_PER_MINUTE } from '@bds/server/audit/refusals.ts';
import { createTestContext, type TestContext } from '../api/helpers.ts';

let ctx: TestContext | undefined;
afterEach(() => ctx?.close());

const refusals = (c: TestContext) =>
  c.db.$client
    .prepare("SELECT username, entity, entity_id AS entityId, changes FROM audit_log WHERE action = 'refused' ORDER BY id")
    .all() as {
    username: string;
    entity: string;
    entityId: number | null;
    changes: string;
  }[];

describe('a refused attempt at person data', () => {
  it('is logged with who, what and the answer, up to a bound per user per minute', async () => {
    ctx = await createTestContext();
    const coop = await ctx.as('coop.alfa');
    const forbidden = await coop({ method: 'GET', url: '/api/persons/1' });
    expect([403, 404]).toContain(forbidden.statusCode);
    for (let id = 1000; id < 1000 + 2 * REFUSALS_LOGGED_PER_MINUTE; id += 1) {
      expect((await coop({ method: 'GET', url: `/api/ptris/${id}` })).statusCode).toBe(404);
    }
    const rows = refusals(ctx);
    expect(rows).toHaveLength(REFUSALS_LOGGED_PER_MINUTE);
    expect(rows[0]).toMatchObject({ username: 'coop.alfa', entity: 'person', entityId: 1 });
    expect(JSON.parse(rows[0]?.changes ?? '{}')).toEqual({ status: forbidden.statusCode, method: 'GET', route: '/api/persons/:id' });
    expect(rows[1]).toMatchObject({ username: 'coop.alfa', entity: 'ptri', entityId: 1000 });

    // The bound is per user: another user's refusals are still logged.
    const other = await ctx.as('coop.beta');
    await other({ method: 'GET', url: '/api/ptris/5000' });
    expect(refusals(ctx).at(-1)).toMatchObject({ username: 'coop.beta', entity: 'ptri', entityId: 5000 });
  });
});
