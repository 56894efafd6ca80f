// The community resources catalogue: who maintains it, the search by district, axis and words on
// indexes, the projects using a resource (counted for all, named only in scope), the report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import {
  catalogueCount,
  cataloguePage,
  catalogueSql,
  wordRunSql,
  wordSeekSql,
  type CatalogueFilter,
} from '@bds/server/resources/queries.ts';
import { createTestContext, type Caller, type TestContext } from './helpers.ts';
import { activeProject } from './ptri-fixtures.ts';

let ctx: TestContext;
let admin: Caller;
beforeEach(async () => {
  ctx = await createTestContext();
  admin = await ctx.as('admin');
});
afterEach(() => ctx.close());

const resourceBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Gruppo di cammino del Navile',
  kind: 'group',
  axis: 'sociality',
  districtIds: [ctx.world.districts.bologna],
  provider: 'Associazione Passi Lenti APS',
  providerKind: 'ets',
  runtsNumber: '12345',
  contact: 'passilenti@example.org',
  ...overrides,
});

async function create(caller: Caller, overrides: Record<string, unknown> = {}) {
  const res = await caller({ method: 'POST', url: '/api/resources', payload: resourceBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; districtIds: number[]; projectsUsing: number; active: boolean }>();
}

const names = (res: { json: () => { items: { name: string }[] } }) => res.json().items.map((r) => r.name);

/** Points the project's first budget line of `axis` at the resource (the budget-line API gains `resourceId` with stable line ids). */
function pointLineAt(ptriId: number, resourceId: number) {
  ctx.db.$client
    .prepare('UPDATE budget_lines SET resource_id = ? WHERE id = (SELECT MIN(id) FROM budget_lines WHERE ptri_id = ?)')
    .run(resourceId, ptriId);
}

describe('maintaining the catalogue', () => {
  it('lets admin, managers and social workers create and change a resource, and records it', async () => {
    const made = await create(await ctx.as('sw.bologna'));
    expect(made).toMatchObject({ districtIds: [ctx.world.districts.bologna], active: true, projectsUsing: 0 });
    await create(await ctx.as('manager'), { name: 'Corso di cucina' });
    const changed = await admin({
      method: 'PATCH',
      url: `/api/resources/${made.id}`,
      payload: { active: false, districtIds: [ctx.world.districts.bologna, ctx.world.districts.pianura] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ active: false, districtIds: [ctx.world.districts.bologna, ctx.world.districts.pianura] });
    const audit = ctx.db.$client
      .prepare("SELECT action FROM audit_log WHERE entity = 'resource' AND entity_id = ? ORDER BY id")
      .all(made.id);
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }]);
  });

  it('refuses case managers, UVM and cooperatives', async () => {
    for (const username of ['cm.navile', 'uvm.bologna', 'coop.alfa']) {
      const res = await (await ctx.as(username))({ method: 'POST', url: '/api/resources', payload: resourceBody() });
      expect(res.statusCode, username).toBe(403);
    }
  });

  it('refuses a RUNTS number for a provider that is not a third-sector body, an unknown district, no district', async () => {
    const bad = [
      [{ providerKind: 'company' }, 'runtsNumber'],
      [{ districtIds: [999] }, 'districtIds.0'],
      [{ districtIds: [] }, 'districtIds'],
      [{ runtsNumber: 'RUNTS-1' }, 'runtsNumber'],
    ] as const;
    for (const [overrides, path] of bad) {
      const res = await admin({ method: 'POST', url: '/api/resources', payload: resourceBody(overrides) });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const made = await create(admin);
    const res = await admin({ method: 'PATCH', url: `/api/resources/${made.id}`, payload: { providerKind: 'public' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('runtsNumber');
    expect(ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM resources').get()).toEqual({ n: 1 });
  });

  it('answers 404 for a resource that does not exist', async () => {
    expect((await admin({ method: 'PATCH', url: '/api/resources/999', payload: { active: false } })).statusCode).toBe(404);
    expect((await admin({ method: 'GET', url: '/api/resources/999' })).statusCode).toBe(404);
  });
});

describe('searching the catalogue', () => {
  beforeEach(async () => {
    const { bologna, pianura } = ctx.world.districts;
    await create(admin, {
      name: 'Appartamento solidale via Libia',
      kind: 'housing',
      axis: 'habitat',
      provider: 'ACER Bologna',
      providerKind: 'public',
      runtsNumber: null,
    });
    await create(admin, {
      name: 'Tirocini in falegnameria',
      kind: 'work_placement',
      axis: 'work',
      provider: 'Legno Vivo srl',
      providerKind: 'company',
      runtsNumber: null,
      districtIds: [bologna, pianura],
    });
    await create(admin, {
      name: 'Coro di quartiere',
      kind: 'group',
      axis: 'sociality',
      provider: 'Città Cantante',
      providerKind: 'informal',
      runtsNumber: null,
      districtIds: [pianura],
    });
    await create(admin, { name: 'Bottega del riuso', kind: 'volunteering', axis: 'work', provider: 'Associazione Riusi ODV' });
  });

  it('lets every role search, by district, axis and words of the name or provider, in name order', async () => {
    const { bologna, pianura } = ctx.world.districts;
    for (const username of ['coop.alfa', 'cm.navile', 'uvm.bologna', 'sw.pianura', 'manager']) {
      const call = await ctx.as(username);
      expect(names(await call({ method: 'GET', url: '/api/resources' })), username).toEqual([
        'Appartamento solidale via Libia',
        'Bottega del riuso',
        'Coro di quartiere',
        'Tirocini in falegnameria',
      ]);
    }
    const search = (query: string) => admin({ method: 'GET', url: `/api/resources?${query}` });
    expect(names(await search(`districtId=${pianura}`))).toEqual(['Coro di quartiere', 'Tirocini in falegnameria']);
    expect(names(await search(`districtId=${bologna}&axis=work`))).toEqual(['Bottega del riuso', 'Tirocini in falegnameria']);
    expect(names(await search('axis=habitat'))).toEqual(['Appartamento solidale via Libia']);
    // Word prefixes, accents ignored, the provider's name too.
    expect(names(await search('q=falegn'))).toEqual(['Tirocini in falegnameria']);
    expect(names(await search('q=citta'))).toEqual(['Coro di quartiere']);
    expect(names(await search(`q=riuso&districtId=${bologna}`))).toEqual(['Bottega del riuso']);
    expect(names(await search(`q=riuso&districtId=${pianura}`))).toEqual([]);
    // The count of the same filters, for the page's "N risultati".
    const count = async (query: string) => (await admin({ method: 'GET', url: `/api/resources/count?${query}` })).json();
    expect(await count('')).toEqual({ total: 4, capped: false });
    expect(await count(`districtId=${bologna}&axis=work`)).toEqual({ total: 2, capped: false });
    expect(await count('q=falegn')).toEqual({ total: 1, capped: false });
    expect(await count(`q=riuso&districtId=${pianura}`)).toEqual({ total: 0, capped: false });
    // Search syntax typed by a user is just words.
    expect((await search(`q=${encodeURIComponent('"riuso" OR name:* NEAR(')}`)).statusCode).toBe(200);
  });

  it('pages with a cursor, each page in name order and none repeated', async () => {
    const first = await admin({ method: 'GET', url: '/api/resources?limit=3' });
    expect(names(first)).toHaveLength(3);
    const second = await admin({ method: 'GET', url: `/api/resources?limit=3&cursor=${first.json().nextCursor}` });
    expect(names(second)).toEqual(['Tirocini in falegnameria']);
    expect(second.json().nextCursor).toBeNull();
    expect((await admin({ method: 'GET', url: '/api/resources?cursor=junk' })).statusCode).toBe(400);
  });

  it('answers every shape from its statement prepared once as the statement built for the request does', () => {
    const { bologna, pianura } = ctx.world.districts;
    const pages: [string, number][] = [
      ['', 0],
      ['Bottega del riuso', 0],
      ['Coro', 0],
    ];
    let rows = 0;
    // Each shape twice with other values: the statement kept from the first serves the second.
    for (const words of [[], ['ri'], ['bo'], ['zzz']])
      for (const districtId of [undefined, bologna, pianura])
        for (const axis of [undefined, 'work', 'sociality'] as const)
          for (const after of [null, ...pages]) {
            const filter: CatalogueFilter = { districtId, axis, words };
            const built = ctx.db.all(catalogueSql(filter, after, 2));
            const shape = JSON.stringify({ filter, after });
            rows += built.length;
            expect(cataloguePage(ctx.db, filter, after, 2), shape).toEqual(built);
            if (after === null) expect(catalogueCount(ctx.db, filter, 10), shape).toBe(ctx.db.all(catalogueSql(filter, null, 10)).length);
          }
    expect(rows).toBeGreaterThan(50);
  });

  it('reads each search shape from an index, never scanning the catalogue', () => {
    const { bologna } = ctx.world.districts;
    const shapes: CatalogueFilter[] = [
      { districtId: bologna, axis: 'work', words: [] },
      { districtId: bologna, axis: undefined, words: [] },
      { districtId: undefined, axis: 'work', words: [] },
      { districtId: undefined, axis: undefined, words: [] },
      { districtId: undefined, axis: undefined, words: ['riuso'] },
      { districtId: bologna, axis: 'work', words: ['riuso'] },
    ];
    for (const shape of shapes) {
      const plan = ctx.db
        .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${catalogueSql(shape, ['A', 0], 10)}`)
        .map((row) => row.detail)
        .join(' | ');
      // The only whole-table reads allowed are of the page itself (the subquery's rows).
      expect(plan.replace(/SCAN page/g, ''), JSON.stringify(shape)).not.toMatch(/SCAN (r|rd|w|resources|resource_districts)\b(?! USING)/);
      expect(plan, JSON.stringify(shape)).toMatch(
        shape.words.length
          ? /SEARCH w USING (PRIMARY KEY|COVERING INDEX resource_words_axis_idx) \(prefix=\? AND district_id=\?/
          : /USING (COVERING )?INDEX (resource_districts_(axis|name)_idx|resources_(axis_)?name_idx)/,
      );
    }
  });

  it('reads the first page of every shape in name order from one key range, with the statistics of tier L', () => {
    const { bologna } = ctx.world.districts;
    const client = ctx.db.$client;
    // sqlite_stat1 as ANALYZE left it on tier L's catalogue (50,000 resources, 3.9 million word rows).
    client.exec('ANALYZE');
    client.exec(`DELETE FROM sqlite_stat1 WHERE tbl IN ('resources', 'resource_districts', 'resource_words');
      INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
      ('resource_words', 'resource_words', '3943107 79 29 1 1'), ('resource_words', 'resource_words_axis_idx', '3943107 79 29 23 1 1'),
      ('resources', 'resources_axis_name_idx', '50000 16667 1 1'), ('resources', 'resources_name_idx', '50000 1 1'),
      ('resource_districts', 'resource_districts_axis_idx', '66667 11112 3704 1 1'),
      ('resource_districts', 'resource_districts_name_idx', '66667 11112 1 1'),
      ('resource_districts', 'sqlite_autoindex_resource_districts_1', '66667 2 1'); ANALYZE sqlite_schema`);
    for (const words of [[], ['orto']])
      for (const districtId of [undefined, bologna])
        for (const axis of [undefined, 'work'] as const) {
          const shape = { districtId, axis, words };
          const details = ctx.db
            .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${catalogueSql(shape, ['orto', 7], 50)}`)
            .map((row) => row.detail);
          // Sorting would cost as many rows as match: the order comes from the index itself.
          expect(details.join(' | '), JSON.stringify(shape)).not.toMatch(/TEMP B-TREE/);
          if (words.length)
            expect(details, JSON.stringify(shape)).toContainEqual(
              expect.stringMatching(
                axis
                  ? /^SEARCH w USING COVERING INDEX resource_words_axis_idx \(prefix=\? AND district_id=\? AND axis=\? AND \(name,resource_id\)>\(\?,\?\)\)$/
                  : /^SEARCH w USING PRIMARY KEY \(prefix=\? AND district_id=\? AND \(name,resource_id\)>\(\?,\?\)\)$/,
              ),
            );
        }
    // Several words: each step of their intersection is one seek of a word's rows (SQLite shows >= as >).
    for (const axis of [undefined, 'work'] as const)
      for (const inclusive of [true, false]) {
        const seek = new SQLiteSyncDialect().sqlToQuery(wordSeekSql({ axis }, inclusive));
        const details = client.prepare(`EXPLAIN QUERY PLAN ${seek.sql}`).all(...seek.params.map(() => null)) as { detail: string }[];
        expect(
          details.map((row) => row.detail),
          JSON.stringify({ axis, inclusive }),
        ).toEqual([
          axis
            ? `SEARCH resource_words USING COVERING INDEX resource_words_axis_idx (prefix=? AND district_id=? AND axis=? AND (name,resource_id)>(?,?))`
            : `SEARCH resource_words USING PRIMARY KEY (prefix=? AND district_id=? AND (name,resource_id)>(?,?))`,
        ]);
      }
    // A run after a match: the first word's rows in order from one key range, each other word looked up by key.
    for (const axis of [undefined, 'work'] as const) {
      const run = new SQLiteSyncDialect().sqlToQuery(
        wordRunSql({ districtId: undefined, axis, words: ['orto', 'gruppo', 'associazione'] }),
      );
      const details = client.prepare(`EXPLAIN QUERY PLAN ${run.sql}`).all(...run.params.map(() => null)) as { detail: string }[];
      expect(details.map((row) => row.detail).filter((detail) => detail.startsWith('SEARCH') || detail.includes('B-TREE'))).toEqual([
        axis
          ? 'SEARCH w USING COVERING INDEX resource_words_axis_idx (prefix=? AND district_id=? AND axis=? AND (name,resource_id)>(?,?))'
          : 'SEARCH w USING PRIMARY KEY (prefix=? AND district_id=? AND (name,resource_id)>(?,?))',
        'SEARCH o USING PRIMARY KEY (prefix=? AND district_id=? AND name=? AND resource_id=?)',
        'SEARCH o USING PRIMARY KEY (prefix=? AND district_id=? AND name=? AND resource_id=?)',
      ]);
    }
  });
});

describe('the projects using a resource', () => {
  it('counts the active projects for everyone and names only those in the caller’s scope', async () => {
    const resource = await create(admin, { name: 'Orto condiviso', axis: 'habitat', kind: 'group' });
    const { ptri, person } = await activeProject(ctx);
    pointLineAt(ptri.id, resource.id);

    for (const username of ['cm.navile', 'sw.bologna', 'coop.alfa', 'manager']) {
      const res = await (await ctx.as(username))({ method: 'GET', url: `/api/resources/${resource.id}` });
      expect(res.statusCode).toBe(200);
      expect(res.json(), username).toMatchObject({
        projectsUsing: 1,
        projects: [{ ptriId: ptri.id, personName: `${person.familyName} ${person.givenName}` }],
      });
    }
    for (const username of ['cm.budrio', 'sw.pianura', 'coop.beta', 'uvm.pianura']) {
      const res = await (await ctx.as(username))({ method: 'GET', url: `/api/resources/${resource.id}` });
      expect(res.json(), username).toMatchObject({ projectsUsing: 1, projects: [] });
      expect(res.body).not.toContain(person.familyName);
    }
    const list = await (await ctx.as('cm.budrio'))({ method: 'GET', url: '/api/resources' });
    expect(list.json().items[0]).toMatchObject({ id: resource.id, projectsUsing: 1 });
    const logged = ctx.db.$client
      .prepare("SELECT username FROM audit_log WHERE entity = 'resource_usage' AND entity_id = ? ORDER BY id")
      .all(resource.id);
    expect(logged).toEqual([{ username: 'cm.navile' }, { username: 'sw.bologna' }, { username: 'coop.alfa' }, { username: 'manager' }]);
  });

  it('reports per district and axis the active resources, those in use and the projects using them, also as CSV', async () => {
    const used = await create(admin, { name: 'Orto condiviso', axis: 'habitat', kind: 'group' });
    await create(admin, { name: 'Casa famiglia', axis: 'habitat', kind: 'housing' });
    await create(admin, { name: 'Vecchio corso', axis: 'work', kind: 'training', active: false });
    const { ptri } = await activeProject(ctx);
    pointLineAt(ptri.id, used.id);
    const res = await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/resources' });
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { districtId: number; axis: string }[];
    // Every district × axis, the empty ones too: there the territory offers nothing.
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.districtId === ctx.world.districts.bologna && r.axis === 'habitat')).toMatchObject({
      resources: 2,
      inUse: 1,
      projectsUsing: 1,
    });
    expect(rows.find((r) => r.districtId === ctx.world.districts.bologna && r.axis === 'work')).toMatchObject({ resources: 0, inUse: 0 });
    const csv = await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/resources?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Città di Bologna;Casa/Habitat sociale;2;1;1');
    expect((await (await ctx.as('coop.alfa'))({ method: 'GET', url: '/api/reports/resources' })).statusCode).toBe(403);
  });
});
