// An activity's sessions page by page, newest first, with their count: the activity page loads
// them a page at a time instead of the newest 500.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockAt } from '@bds/shared';
import { createTestContext, type Caller, type TestContext } from './helpers.ts';
import { activeProject } from './work-helpers.ts';
import { addLot4, createActivity, enrol, sessionBody } from './community-helpers.ts';

let ctx: TestContext;
let coop: Caller;
beforeEach(async () => {
  ctx = await createTestContext({ clock: clockAt('2025-06-15') });
  addLot4(ctx);
  coop = await ctx.as('coop.alfa');
});
afterEach(() => ctx.close());

type SessionsPage = {
  items: { id: number; date: string; attendeePtriIds: number[]; note?: string | null }[];
  nextCursor: string | null;
  total: number;
};

async function allPages(caller: Caller, activityId: number, limit: number) {
  const pages: SessionsPage[] = [];
  let cursor: string | null = null;
  do {
    const res = await caller({
      method: 'GET',
      url: `/api/community-activities/${activityId}/sessions?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    pages.push(res.json());
    cursor = pages.at(-1)!.nextCursor;
  } while (cursor);
  return pages;
}

describe('the sessions of an activity', () => {
  it('come newest first, page by page, every session once, with the total on every page', async () => {
    const id = await createActivity(ctx);
    // Two sessions on some days, so the keyset has to break ties by id.
    const days = ['2025-02-04', '2025-02-04', '2025-02-11', '2025-03-04', '2025-03-04', '2025-03-11', '2025-04-01'];
    for (const date of days) {
      const res = await coop({ method: 'POST', url: `/api/community-activities/${id}/sessions`, payload: sessionBody({ date }) });
      expect(res.statusCode, res.body).toBe(201);
    }
    const pages = await allPages(coop, id, 3);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.every((p) => p.total === 7)).toBe(true);
    const listed = pages.flatMap((p) => p.items);
    expect(new Set(listed.map((s) => s.id)).size).toBe(7);
    expect(listed.map((s) => s.date)).toEqual([...days].sort().reverse());
    const detail = (await coop({ method: 'GET', url: `/api/community-activities/${id}` })).json();
    expect(detail.sessions.map((s: { id: number }) => s.id)).toEqual(listed.map((s) => s.id));
  });

  it('show attendees and notes only to whom the activity’s view lets see them, and log who read a person’s attendance', async () => {
    const id = await createActivity(ctx);
    const project = await activeProject(ctx);
    await enrol(await ctx.as('cm.navile'), id, project.id);
    await coop({
      method: 'POST',
      url: `/api/community-activities/${id}/sessions`,
      payload: sessionBody({ attendeePtriIds: [project.id], note: 'NOTA-INCONTRO' }),
    });
    const own = (await allPages(coop, id, 50))[0]!;
    expect(own.items[0]).toMatchObject({ attendeePtriIds: [project.id], note: 'NOTA-INCONTRO' });
    const beta = (await allPages(await ctx.as('coop.beta'), id, 50))[0]!;
    expect(beta.items[0]!.attendeePtriIds).toEqual([]);
    expect(JSON.stringify(beta)).not.toContain('NOTA-INCONTRO');
    const budrio = (await allPages(await ctx.as('cm.budrio'), id, 50))[0]!;
    expect(budrio.items[0]!.attendeePtriIds).toEqual([]);
    const reads = ctx.db.$client
      .prepare("SELECT user_id AS userId, changes FROM audit_log WHERE entity = 'community_session_list'")
      .all() as { userId: number; changes: string }[];
    expect(reads).toHaveLength(1);
    expect(JSON.parse(reads[0]!.changes)).toEqual({ ptriIds: [project.id] });
  });

  it('answer 404 for an unknown activity and 400 for a forged cursor', async () => {
    expect((await coop({ method: 'GET', url: '/api/community-activities/9999/sessions' })).statusCode).toBe(404);
    const id = await createActivity(ctx);
    const forged = await coop({ method: 'GET', url: `/api/community-activities/${id}/sessions?cursor=bm9wZQ` });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors[0].path).toBe('cursor');
  });
});
