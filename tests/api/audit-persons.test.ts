// Issue 21: every read that showed a person among others (a search, a list, a report, an export)
// is findable by that person in their art. 15 record and in the access log's person filter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockAt } from '@bds/shared';
import { createTestContext, personBody, type TestContext } from './helpers.ts';
import { activeProject, record } from './work-helpers.ts';
import { recordAudit } from '@bds/server/audit/record.ts';
import { mergeAllShownPersons } from '@bds/server/audit/person-index.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ clock: clockAt('2025-04-15') });
});
afterEach(() => ctx.close());

interface LoggedRead {
  id: number;
  entity: string;
  username: string;
}

async function recordOf(personId: number): Promise<LoggedRead[]> {
  const res = await (await ctx.as('admin'))({ method: 'GET', url: `/api/persons/${personId}/record` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ accessLog: LoggedRead[] }>().accessLog;
}

async function auditOf(personId: number): Promise<LoggedRead[]> {
  const res = await (await ctx.as('manager'))({ method: 'GET', url: `/api/audit?personId=${personId}&limit=500` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: LoggedRead[] }>().items;
}

/** What the person-order index holds for a row once every staged row has been merged into it. */
function personsShownBy(auditId: number): number[] {
  mergeAllShownPersons(ctx.db);
  return (
    ctx.db.$client.prepare('SELECT person_id FROM audit_log_persons WHERE audit_id = ? ORDER BY person_id').all(auditId) as {
      person_id: number;
    }[]
  ).map((row) => row.person_id);
}

async function register(n: number, familyName: string): Promise<number[]> {
  const cm = await ctx.as('cm.navile');
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna, { familyName }) });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<{ id: number }>().id);
  }
  return ids;
}

describe('reads that show several persons', () => {
  it('a searched person finds the search in their record and under the person filter', async () => {
    const [found, alsoFound] = await register(2, 'Verdini');
    const [notFound] = await register(1, 'Bianchi');
    const res = await (await ctx.as('cm.navile'))({ method: 'GET', url: '/api/persons?q=verdini' });
    expect(res.json<{ items: unknown[] }>().items).toHaveLength(2);

    for (const personId of [found!, alsoFound!]) {
      expect((await recordOf(personId)).filter((row) => row.entity === 'person_search')).toEqual([
        expect.objectContaining({ username: 'cm.navile' }),
      ]);
      expect((await auditOf(personId)).map((row) => row.entity)).toContain('person_search');
    }
    expect((await recordOf(notFound!)).map((row) => row.entity)).not.toContain('person_search');
    expect((await auditOf(notFound!)).map((row) => row.entity)).not.toContain('person_search');
  });

  it('a page of 50 rows writes 50 person rows beside its one access-log row', async () => {
    const ids = await register(50, 'Neri');
    const res = await (await ctx.as('cm.navile'))({ method: 'GET', url: '/api/persons?q=neri&limit=50' });
    expect(res.json<{ items: unknown[] }>().items).toHaveLength(50);
    const search = ctx.db.$client.prepare("SELECT id FROM audit_log WHERE entity = 'person_search' ORDER BY id DESC").get() as {
      id: number;
    };
    expect(personsShownBy(search.id)).toEqual([...ids].sort((a, b) => a - b));
  });

  it('lists each person shown once, and not the person the row itself is about', async () => {
    const [subject, shownTwice, shownOnce] = await register(3, 'Rossi');
    const anonymous = { user: null, username: 'nessuno', ip: '127.0.0.1' };
    const rowOf = (personId: number | null, personIds: number[]) => {
      recordAudit(ctx.db, anonymous, { action: 'read', entity: 'person', personId, personIds });
      return (ctx.db.$client.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
    };
    // Twice on the same connection: the second row goes through the statement the first one prepared.
    for (let i = 0; i < 2; i++) {
      expect(personsShownBy(rowOf(subject!, [shownTwice!, subject!, shownOnce!, shownTwice!]))).toEqual(
        [shownTwice!, shownOnce!].sort((a, b) => a - b),
      );
      expect(personsShownBy(rowOf(null, [subject!, shownOnce!]))).toEqual([subject!, shownOnce!].sort((a, b) => a - b));
    }
  });

  it('a CSV export of the caseload is in the record of each person it contains', async () => {
    const { personId } = await activeProject(ctx);
    const res = await (await ctx.as('manager'))({ method: 'GET', url: '/api/exports/caseload?year=2025&format=csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(await recordOf(personId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ entity: 'caseload_export', username: 'manager' })]),
    );
    expect((await auditOf(personId)).map((row) => row.entity)).toContain('caseload_export');
  });

  it("a cooperative's project and intervention lists are in the record of the persons they showed", async () => {
    const { personId, id } = await activeProject(ctx);
    const other = await activeProject(ctx, { cooperatives: ['beta'] });
    const alfa = await ctx.as('coop.alfa');
    expect((await record(alfa, id, { date: '2025-04-10' })).statusCode).toBe(201);
    expect((await alfa({ method: 'GET', url: '/api/ptris' })).statusCode).toBe(200);
    expect((await alfa({ method: 'GET', url: `/api/interventions?ptriId=${id}` })).statusCode).toBe(200);
    expect((await alfa({ method: 'GET', url: '/api/interventions?month=2025-04' })).statusCode).toBe(200);

    const reads = (await recordOf(personId)).filter((row) => row.username === 'coop.alfa').map((row) => row.entity);
    expect(reads).toEqual(expect.arrayContaining(['ptri_list', 'intervention_list']));
    expect((await recordOf(other.personId)).filter((row) => row.username === 'coop.alfa')).toEqual([]);
  });

  it('the reviews-due report is in the record of each person it lists', async () => {
    const { personId } = await activeProject(ctx);
    const res = await (await ctx.as('cm.navile'))({ method: 'GET', url: '/api/reports/reviews-due?within=365' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await auditOf(personId)).map((row) => row.entity)).toContain('report_reviews_due');
  });
});
