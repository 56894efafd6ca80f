// JSON written by SQLite from a reply schema: the builder refuses keys the schema does not have
// and kinds it cannot write the way JavaScript does, and the project list's text is byte for byte
// what the route's own serializer writes from the same rows, with names that need escaping, and
// a person search holds what each viewer may see.
import { afterEach, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { openMemoryDb, schema } from '@bds/db';
import { listReply, personSchema, ptriSummarySchema, today } from '@bds/shared';
import { jsonListReply, jsonObjectOf } from '@bds/server/sql-json.ts';
import { replySerializerCompiler } from '@bds/server/reply-serializer.ts';
import { toPerson } from '@bds/server/persons/service.ts';
import { policyOf } from '@bds/server/access/policy.ts';
import { toSummary } from '@bds/server/ptri/service.ts';
import { createTestContext, type TestContext } from '../api/helpers.ts';
import { activeProject, draftProject } from '../api/ptri-fixtures.ts';

const { ptris, persons, personServices } = schema;
const TRICKY_NAMES = ['D\'Angelo "Lino"', 'Back\\slash', 'Nguyễn Thị', 'Emoji 😀 Ω', '</script><b>'];

describe('jsonObjectOf', () => {
  const shape = z.object({ id: z.number().int(), name: z.string(), active: z.boolean(), note: z.string().nullable() });

  it('writes the keys of the schema in its order, booleans as true and false, nulls as null', () => {
    const db = openMemoryDb();
    const object = jsonObjectOf(shape, { id: sql`7`, name: sql`'a "b" \\ c'`, active: sql`1`, note: sql`NULL` });
    const row = db.get<{ json: string }>(sql`SELECT ${object} AS json`);
    expect(row.json).toBe('{"id":7,"name":"a \\"b\\" \\\\ c","active":true,"note":null}');
    expect(jsonObjectOf(shape, { id: sql`1`, name: sql`'x'`, active: sql`0`, note: sql`'y'` })).toBeDefined();
    db.$client.close();
  });

  it('refuses values for other keys than the schema has, and kinds it would write differently', () => {
    expect(() => jsonObjectOf(shape, { id: sql`1`, name: sql`'x'`, active: sql`1` } as never)).toThrow(/missing: note/);
    expect(() => jsonObjectOf(shape, { id: sql`1`, name: sql`'x'`, active: sql`1`, note: sql`1`, extra: sql`1` } as never)).toThrow(
      /not in the schema: extra/,
    );
    expect(() => jsonObjectOf(z.object({ amount: z.number() }), { amount: sql`1.5` })).toThrow(/"amount" is a number/);
    expect(() => jsonObjectOf(z.object({ ids: z.array(z.number().int()) }), { ids: sql`'[]'` })).toThrow(/"ids" is a array/);
  });

  it('writes a list reply with its cursor', () => {
    expect(jsonListReply(['{"id":1}', '{"id":2}'], 'abc"')).toBe('{"items":[{"id":1},{"id":2}],"nextCursor":"abc\\""}');
    expect(JSON.parse(jsonListReply([], null))).toEqual({ items: [], nextCursor: null });
  });
});

describe('the project list written by SQLite', () => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('is the text the route serializer writes from the same rows', async () => {
    ctx = await createTestContext();
    const names = TRICKY_NAMES;
    let cm!: Awaited<ReturnType<typeof draftProject>>['cm'];
    for (const name of names) {
      const created = await draftProject(ctx);
      cm = created.cm;
      ctx.db.update(persons).set({ familyName: name }).where(eq(persons.id, created.person.id)).run();
    }
    const serialize = replySerializerCompiler({
      schema: listReply(ptriSummarySchema),
      method: 'GET',
      url: '/api/ptris',
      httpStatus: '200',
    }) as (value: unknown) => string;
    const expected = (rows: { id: number }[], nextCursor: string | null) => serialize({ items: rows, nextCursor });
    // The summaries as the project page writes them (toSummary), from the rows drizzle reads.
    const summaries = ctx.db
      .select({ ptri: ptris, familyName: persons.familyName, givenName: persons.givenName })
      .from(ptris)
      .innerJoin(persons, eq(persons.id, ptris.personId))
      .orderBy(desc(ptris.id))
      .all()
      .map((row) => toSummary(row.ptri, `${row.familyName} ${row.givenName}`, today()));
    expect(summaries).toHaveLength(names.length);

    const whole = await cm({ method: 'GET', url: '/api/ptris' });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(whole.body).toBe(expected(summaries, null));
    for (const item of whole.json().items) expect(ptriSummarySchema.strict().parse(item)).toEqual(item);

    const first = await cm({ method: 'GET', url: '/api/ptris?limit=2' });
    const cursor = first.json().nextCursor as string;
    expect(first.body).toBe(expected(summaries.slice(0, 2), cursor));
    const second = await cm({ method: 'GET', url: `/api/ptris?limit=2&cursor=${cursor}` });
    expect(second.body).toBe(expected(summaries.slice(2, 4), second.json().nextCursor));
  });
});

describe('the person search written by SQLite', () => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('is the text the route serializer writes from the same persons, with what each viewer may see of them', async () => {
    ctx = await createTestContext();
    // Active projects of Coop Alfa: the cooperative sees their persons too.
    for (const name of TRICKY_NAMES) {
      const { person } = await activeProject(ctx);
      ctx.db
        .update(persons)
        .set({ familyName: name, searchKey: `${name.toLocaleLowerCase('it')} mario` })
        .where(eq(persons.id, person.id))
        .run();
    }
    const serializer = replySerializerCompiler({
      schema: listReply(personSchema),
      method: 'GET',
      url: '/api/persons',
      httpStatus: '200',
    }) as (value: unknown) => string;
    // The route's serializer writes a schema's required keys before its optional ones: compared as JSON, not byte for byte.
    const serialize = (value: unknown) => JSON.parse(serializer(value)) as unknown;
    const rows = ctx.db
      .select({ person: persons })
      .from(personServices)
      .innerJoin(persons, eq(persons.id, personServices.personId))
      .where(eq(personServices.serviceId, ctx.world.services.navile))
      .orderBy(personServices.searchKey, personServices.personId)
      .all()
      .map((row) => row.person);
    expect(rows).toHaveLength(TRICKY_NAMES.length);

    const caseManager = await ctx.as('cm.navile');
    const viewer = (await caseManager({ method: 'GET', url: '/api/me' })).json();
    const found = await caseManager({ method: 'GET', url: '/api/persons' });
    expect(found.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(found.json()).toStrictEqual(serialize({ items: rows.map((row) => toPerson(row, policyOf(viewer))), nextCursor: null }));
    expect(found.json().items[0]).toHaveProperty('fiscalCode');

    const page = await caseManager({ method: 'GET', url: '/api/persons?limit=2' });
    expect(page.json()).toStrictEqual(
      serialize({ items: rows.slice(0, 2).map((row) => toPerson(row, policyOf(viewer))), nextCursor: page.json().nextCursor }),
    );
    expect(page.json().nextCursor).toEqual(expect.any(String));

    // A cooperative sees the persons of its projects without codice fiscale, birth date or sex.
    const coop = await ctx.as('coop.alfa');
    const seen = await coop({ method: 'GET', url: '/api/persons' });
    expect(seen.statusCode).toBe(200);
    const coopViewer = (await coop({ method: 'GET', url: '/api/me' })).json();
    const shown = seen.json().items as { id: number }[];
    expect(shown).toHaveLength(TRICKY_NAMES.length);
    const expected = shown.map((item) =>
      toPerson(
        rows.find((row) => row.id === item.id)!,
        policyOf(coopViewer),
      ),
    );
    expect(seen.json()).toStrictEqual(serialize({ items: expected, nextCursor: seen.json().nextCursor }));
    for (const item of shown) expect(Object.keys(item).sort()).toEqual(['districtId', 'familyName', 'givenName', 'id']);
  });
});
