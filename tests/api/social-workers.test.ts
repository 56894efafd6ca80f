// The UVM names a social worker among an evaluation's members by account: it lists the active
// social workers of a district (name and id only), on an index, paged like every list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const list = async (username: string, query: string) => (await ctx.as(username))({ method: 'GET', url: `/api/social-workers?${query}` });

describe('social workers of a district', () => {
  it('lists the active ones of the district only, name and id, readable by the UVM', async () => {
    const { bologna, pianura } = ctx.world.districts;
    const res = await list('uvm.bologna', `districtId=${bologna}`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = ctx.db.$client
      .prepare("SELECT id, display_name AS name FROM users WHERE role = 'social_worker' AND district_id = ? AND active = 1 ORDER BY id")
      .all(bologna);
    expect(ids.length).toBeGreaterThan(0);
    expect(res.json()).toEqual({ items: ids, nextCursor: null });
    const other = (await list('uvm.bologna', `districtId=${pianura}`)).json<{ items: { name: string }[] }>();
    expect(other.items.map((i) => i.name)).toEqual(['sw.pianura']);
    // A deactivated account is no longer offered.
    ctx.db.$client.prepare("UPDATE users SET active = 0 WHERE username = 'sw.pianura'").run();
    expect((await list('uvm.bologna', `districtId=${pianura}`)).json()).toEqual({ items: [], nextCursor: null });
  });

  it('pages by cursor', async () => {
    const { bologna } = ctx.world.districts;
    const insert = ctx.db.$client.prepare(
      "INSERT INTO users (username, display_name, password_hash, role, district_id) VALUES (?, ?, 'x', 'social_worker', ?)",
    );
    for (const n of [1, 2]) insert.run(`sw.extra${n}`, `Extra ${n}`, bologna);
    const first = (await list('uvm.bologna', `districtId=${bologna}&limit=2`)).json<{ items: unknown[]; nextCursor: string }>();
    expect(first.items).toHaveLength(2);
    const second = (await list('uvm.bologna', `districtId=${bologna}&limit=2&cursor=${first.nextCursor}`)).json<{ items: unknown[] }>();
    expect(second.items).toHaveLength(1);
  });

  it('refuses a missing or bad district with 400 naming it, and the roles that do not evaluate with 403', async () => {
    for (const query of ['', 'districtId=abc', 'districtId=0']) {
      const res = await list('uvm.bologna', query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].path).toBe('districtId');
    }
    for (const username of ['coop.alfa', 'sw.bologna']) {
      expect((await list(username, `districtId=${ctx.world.districts.bologna}`)).statusCode, username).toBe(403);
    }
  });

  it('reads on the role-district index', () => {
    const plan = ctx.db.$client
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id, display_name FROM users WHERE role = 'social_worker' AND district_id = 1 AND active = 1 AND id > 0 ORDER BY id LIMIT 51",
      )
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('users_role_district_idx');
  });
});
