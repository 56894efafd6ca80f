// Racing writers over real HTTP connections: one project version is won once, and no
// intervention lands inside a month that has been submitted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtures, INTERVENTION, type Fixtures } from './fixtures.ts';

let f: Fixtures;
let base: string;
beforeAll(async () => {
  f = await createFixtures();
  base = await f.ctx.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => f.ctx.close());

function fetchAs(username: string, path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }) {
  const token = f.ctx.tokens.get(username);
  return fetch(`${base}${path}`, {
    method: init.method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe('50 simultaneous PATCHes of one project with the same version', () => {
  it('give exactly one 200 and 49 × 409, and one new version', async () => {
    const { version } = f.ctx.db.$client.prepare('SELECT version FROM ptris WHERE id = ?').get(f.mine.ptriId) as { version: number };
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetchAs('cm.navile', `/api/ptris/${f.mine.ptriId}`, {
          method: 'PATCH',
          headers: { 'if-match': `"${version}"` },
          body: { intensity: i % 2 ? 'low' : 'medium' },
        }),
      ),
    );
    const statuses = replies.map((res) => res.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const after = f.ctx.db.$client.prepare('SELECT version FROM ptris WHERE id = ?').get(f.mine.ptriId) as { version: number };
    expect(after.version).toBe(version + 1);
  });
});

describe('interventions posted while the month is being submitted', () => {
  it('land before the submission or are refused, never inside the submitted month', async () => {
    const month = '2025-03';
    const first = await fetchAs('coop.alfa', `/api/ptris/${f.mine.ptriId}/interventions`, {
      method: 'POST',
      body: { ...INTERVENTION, date: `${month}-01` },
    });
    expect(first.status).toBe(201);
    const posts = Array.from({ length: 40 }, (_, i) =>
      fetchAs('coop.alfa', `/api/ptris/${f.mine.ptriId}/interventions`, {
        method: 'POST',
        body: { ...INTERVENTION, date: `${month}-${String((i % 27) + 2).padStart(2, '0')}` },
      }),
    );
    const submit = fetchAs('coop.alfa', `/api/cooperatives/${f.mine.cooperativeId}/reports/${month}/submit`, { method: 'POST' });
    const [submitted, ...created] = await Promise.all([submit, ...posts]);
    expect(submitted?.status).toBe(200);
    const statuses = created.map((res) => res.status);
    for (const status of statuses) expect([201, 409]).toContain(status);
    const db = f.ctx.db.$client;
    const rows = (
      db.prepare('SELECT COUNT(*) AS n FROM interventions WHERE cooperative_id = ? AND month = ?').get(f.mine.cooperativeId, month) as {
        n: number;
      }
    ).n;
    expect(rows).toBe(1 + statuses.filter((s) => s === 201).length);
    const submission = db.prepare("SELECT MIN(id) AS id FROM audit_log WHERE entity = 'monthly_report'").get() as { id: number };
    const lastCreate = db
      .prepare(
        "SELECT MAX(id) AS id FROM audit_log WHERE entity = 'intervention' AND action = 'create' AND entity_id IN (SELECT id FROM interventions WHERE month = ?)",
      )
      .get(month) as { id: number };
    expect(lastCreate.id).toBeLessThan(submission.id);
    const late = await fetchAs('coop.alfa', `/api/ptris/${f.mine.ptriId}/interventions`, {
      method: 'POST',
      body: { ...INTERVENTION, date: `${month}-20` },
    });
    expect(late.status).toBe(409);
  });
});
