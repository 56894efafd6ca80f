// The catalogue's search by words reads resource_words (migration 0190), kept by the service as
// resources are created and changed. Over random catalogues, every search shape (words alone or
// with a district, an axis or both; no words) pages through exactly what the former full-text
// query finds, in (name, id) order, and the count agrees; resource_words holds each resource's
// words as it is now and none of those it had before a change. The reference is that former query, on
// an FTS5 index with the tokenizer the catalogue used (unicode61 remove_diacritics 2).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryWords, resourceWordRows, type Axis } from '@bds/shared';
import { resourcesWithAllWords } from '@bds/server/resources/queries.ts';
import { createTestContext, type Caller, type TestContext } from './helpers.ts';

const AXES = ['habitat', 'sociality', 'work'] as const;
/** Words with capitals, accents, apostrophes, digits and shared prefixes, as a catalogue spells them. */
const VOCABULARY = [
  'Orto',
  'orti',
  'ORTICOLTURA',
  'Città',
  'citta',
  'caffè',
  'Caffetteria',
  'Teatro',
  'teatrale',
  'perché',
  'l’Unità',
  'Navile',
  'San',
  'Sant’Agata',
  '2024',
  'APS',
  'Società',
  'àncora',
];
const text = (max: number) =>
  fc
    .array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: max })
    .chain((words) => fc.constantFrom(' ', ', ', ' - ', '/').map((separator) => words.join(separator)));

const operation = fc.oneof(
  fc.record({
    op: fc.constant('create' as const),
    name: text(3),
    provider: text(2),
    axis: fc.constantFrom(...AXES),
    districts: fc.constantFrom('bologna', 'pianura', 'both'),
  }),
  fc.record({
    op: fc.constant('change' as const),
    which: fc.nat(20),
    name: fc.option(text(3), { nil: undefined }),
    provider: fc.option(text(2), { nil: undefined }),
    axis: fc.option(fc.constantFrom(...AXES), { nil: undefined }),
    districts: fc.option(fc.constantFrom('bologna', 'pianura', 'both'), { nil: undefined }),
  }),
);

/** A word typed: a prefix of a vocabulary word, in any case, sometimes a word no resource has. */
const typedWord = fc.oneof(
  fc.tuple(fc.constantFrom(...VOCABULARY), fc.nat(12), fc.boolean()).map(([word, cut, upper]) => {
    const prefix = [...word].slice(0, Math.max(1, [...word].length - cut)).join('');
    return upper ? prefix.toUpperCase() : prefix;
  }),
  fc.constantFrom('zzz', 'cafe', 'citt', 'unita'),
);
const search = fc.record({
  words: fc.array(typedWord, { maxLength: 3 }),
  district: fc.constantFrom(undefined, 'bologna', 'pianura'),
  axis: fc.constantFrom(undefined, ...AXES),
  limit: fc.integer({ min: 1, max: 4 }),
});
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;
type Search = typeof search extends fc.Arbitrary<infer T> ? T : never;

let ctx: TestContext;
let admin: Caller;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as('admin');
  ctx.db.$client.exec(`CREATE VIRTUAL TABLE temp.reference_fts USING fts5(name, provider, tokenize='unicode61 remove_diacritics 2')`);
});
afterAll(() => ctx.close());

function districtIds(which: 'bologna' | 'pianura' | 'both') {
  const { bologna, pianura } = ctx.world.districts;
  return which === 'both' ? [bologna, pianura] : [ctx.world.districts[which]];
}

async function apply(ops: Operation[]) {
  ctx.db.$client.exec('DELETE FROM resource_words; DELETE FROM resource_districts; DELETE FROM resources');
  const ids: number[] = [];
  for (const op of ops) {
    const body =
      op.op === 'create'
        ? {
            name: op.name,
            kind: 'group',
            axis: op.axis,
            districtIds: districtIds(op.districts),
            provider: op.provider,
            providerKind: 'informal',
          }
        : Object.fromEntries(
            Object.entries({
              name: op.name,
              provider: op.provider,
              axis: op.axis,
              districtIds: op.districts && districtIds(op.districts),
            }).filter(([, value]) => value !== undefined),
          );
    // A change of nothing is refused (400): not a change to make.
    if (op.op === 'change' && (ids.length === 0 || Object.keys(body).length === 0)) continue;
    const res =
      op.op === 'create'
        ? await admin({ method: 'POST', url: '/api/resources', payload: body })
        : await admin({ method: 'PATCH', url: `/api/resources/${ids[op.which % ids.length]}`, payload: body });
    expect(res.statusCode, res.body).toBe(op.op === 'create' ? 201 : 200);
    if (op.op === 'create') ids.push(res.json<{ id: number }>().id);
  }
}

/** The former query: the full-text index names the candidates, which are filtered and sorted whole. */
function reference(s: Search): number[] {
  const client = ctx.db.$client;
  client.exec('DELETE FROM reference_fts; INSERT INTO reference_fts (rowid, name, provider) SELECT id, name, provider FROM resources');
  const words = s.words.flatMap((word) => word.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
  const conditions = ['1'];
  const params: unknown[] = [];
  if (words.length) {
    conditions.push('r.id IN (SELECT rowid FROM reference_fts WHERE reference_fts MATCH ?)');
    params.push(words.map((word) => `"${word}"*`).join(' '));
  }
  if (s.district) {
    conditions.push('EXISTS (SELECT 1 FROM resource_districts rd WHERE rd.resource_id = r.id AND rd.district_id = ?)');
    params.push(ctx.world.districts[s.district]);
  }
  if (s.axis) {
    conditions.push('r.axis = ?');
    params.push(s.axis);
  }
  return client
    .prepare(`SELECT r.id FROM resources r WHERE ${conditions.join(' AND ')} ORDER BY r.name, r.id`)
    .pluck()
    .all(...params) as number[];
}

/** The rows resource_words should hold: every resource's words as it is now, none of what it was. */
function expectWordsOfEachResource() {
  const client = ctx.db.$client;
  const resources = client.prepare('SELECT id, name, provider, axis FROM resources').all() as {
    id: number;
    name: string;
    provider: string;
    axis: Axis;
  }[];
  const districtsOf = client.prepare('SELECT district_id FROM resource_districts WHERE resource_id = ? ORDER BY district_id').pluck();
  const key = (row: { prefix: string; districtId: number; axis: string; name: string; resourceId: number }) =>
    [row.prefix, row.districtId, row.axis, row.name, row.resourceId].join('|');
  const expected = resources.flatMap((r) => resourceWordRows(r, districtsOf.all(r.id) as number[])).map(key);
  const stored = client
    .prepare('SELECT prefix, district_id AS districtId, axis, name, resource_id AS resourceId FROM resource_words')
    .all() as Parameters<typeof key>[0][];
  expect(stored.map(key).sort()).toEqual(expected.sort());
}

function queryOf(s: Search) {
  const query = new URLSearchParams();
  if (s.words.length) query.set('q', s.words.join(' '));
  if (s.district) query.set('districtId', String(ctx.world.districts[s.district]));
  if (s.axis) query.set('axis', s.axis);
  return query;
}

/** Every page of the search, following the cursor. */
async function pagedIds(s: Search): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const query = queryOf(s);
    query.set('limit', String(s.limit));
    if (cursor) query.set('cursor', cursor);
    const res = await admin({ method: 'GET', url: `/api/resources?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: { id: number }[]; nextCursor: string | null }>();
    ids.push(...body.items.map((item) => item.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

/**
 * The catalogues here are small enough for every page of several words to be read by one
 * statement; the intersection by seeks that large catalogues use is held equal to it directly,
 * from the start and after each resource found.
 */
function expectSeeksEqualTo(s: Search, expected: number[]) {
  const words = queryWords(s.words.join(' '));
  if (words.length < 2) return;
  const filter = { districtId: s.district && ctx.world.districts[s.district], axis: s.axis, words };
  const nameOf = ctx.db.$client.prepare('SELECT name FROM resources WHERE id = ?').pluck();
  for (let from = -1; from < expected.length; from += 1) {
    const after: [string, number] | null = from < 0 ? null : [nameOf.get(expected[from]) as string, expected[from]!];
    expect(resourcesWithAllWords(ctx.db, filter, after, s.limit, 0), JSON.stringify({ s, after })).toEqual(
      expected.slice(from + 1, from + 1 + s.limit),
    );
  }
}

describe('the catalogue searched by words', () => {
  it('pages through what the former full-text query found, in name order, with the same count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 1, maxLength: 10 }),
        fc.array(search, { minLength: 1, maxLength: 6 }),
        async (ops, searches) => {
          await apply(ops);
          expectWordsOfEachResource();
          for (const s of searches) {
            const expected = reference(s);
            expect(await pagedIds(s), JSON.stringify(s)).toEqual(expected);
            const count = await admin({ method: 'GET', url: `/api/resources/count?${queryOf(s)}` });
            expect(count.json(), JSON.stringify(s)).toEqual({ total: expected.length, capped: false });
            expectSeeksEqualTo(s, expected);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('intersects by seeks only the resources that have every word', async () => {
    // In name order: one word, the other, both: the second word's first row is not a match.
    await apply([
      { op: 'create', name: 'Orto', provider: 'APS', axis: 'sociality', districts: 'bologna' },
      { op: 'create', name: 'Pausa caffè', provider: 'APS', axis: 'sociality', districts: 'bologna' },
      { op: 'create', name: 'Zona orto e caffè', provider: 'Navile', axis: 'sociality', districts: 'both' },
    ]);
    const search = { words: ['orto', 'caff'], district: undefined, axis: undefined, limit: 5 };
    const expected = reference(search);
    expect(expected).toHaveLength(1);
    for (const words of [search.words, [...search.words].reverse()])
      expect(resourcesWithAllWords(ctx.db, { districtId: undefined, axis: undefined, words }, null, 5, 0), words.join(' ')).toEqual(
        expected,
      );
  });
});
