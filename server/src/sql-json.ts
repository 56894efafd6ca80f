// Pages of rows written as JSON by SQLite. Making a page of fifty projects into JavaScript values
// (thirteen per row, each text made into a string by the driver one at a time) and writing them
// out again was most of a project-list request; SQLite writes each row's JSON object in a
// fraction of that time and the reply is those texts joined. The keys and the kind of each value
// come from the route's zod reply schema and are checked when the query is built: the SQL cannot
// write a key the schema does not name, leave one out, or give a text where a number belongs.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ListPage } from '@bds/shared';

type Kind = 'integer' | 'string' | 'boolean';

/** What the reply schema expects of one key; only the flat scalars a summary row has. */
function kindOf(key: string, field: z.ZodType): { kind: Kind; nullable: boolean } {
  const def = field._zod.def as { type: string; innerType?: z.ZodType };
  if (def.type === 'nullable' && def.innerType) return { kind: kindOf(key, def.innerType).kind, nullable: true };
  // `schema.required()`: the key is always written, whatever the optional inside says.
  if (def.type === 'nonoptional' && def.innerType)
    return kindOf(key, (def.innerType._zod.def as { innerType?: z.ZodType }).innerType ?? def.innerType);
  if (def.type === 'string' || def.type === 'enum') return { kind: 'string', nullable: false };
  if (def.type === 'boolean') return { kind: 'boolean', nullable: false };
  // Only whole numbers: SQLite writes a real with fifteen digits, JavaScript with as many as it takes.
  if (def.type === 'number' && (field as z.ZodNumber).format === 'safeint') return { kind: 'integer', nullable: false };
  throw new Error(`sql-json: "${key}" is a ${def.type}, not an integer, text or boolean`);
}

function valueOf(value: SQLWrapper, kind: Kind, nullable: boolean): SQL {
  if (kind !== 'boolean') return sql`${value}`;
  // SQLite keeps booleans as 0 and 1: written as JSON true and false.
  const bool = sql`CASE WHEN ${value} THEN json('true') ELSE json('false') END`;
  return nullable ? sql`CASE WHEN ${value} IS NULL THEN NULL ELSE ${bool} END` : bool;
}

/**
 * `json_object(...)` of one row, with the keys of `schema` in its order, each from the SQL value
 * given for it. Throws when the values name other keys than the schema, or the schema has a key
 * that is not a flat integer, text or boolean.
 */
export function jsonObjectOf<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  values: { [K in keyof Shape]: SQLWrapper },
): SQL<string> {
  const keys = Object.keys(schema.shape);
  const given = Object.keys(values);
  const missing = keys.filter((key) => !given.includes(key));
  const unknown = given.filter((key) => !keys.includes(key));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(
      `sql-json: values must name exactly the schema's keys (missing: ${missing.join(', ') || '–'}; not in the schema: ${unknown.join(', ') || '–'})`,
    );
  }
  const pairs = keys.map((key) => {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new Error(`sql-json: key "${key}" is not a plain name`);
    const { kind, nullable } = kindOf(key, schema.shape[key] as z.ZodType);
    return sql`${sql.raw(`'${key}'`)}, ${valueOf(values[key as keyof Shape], kind, nullable)}`;
  });
  return sql<string>`json_object(${sql.join(pairs, sql`, `)})`;
}

declare const jsonOf: unique symbol;
/** JSON text whose value has type T: a service's reply written by SQLite, sent as it is. */
export type JsonText<T> = string & { readonly [jsonOf]: T };
/**
 * `jsonObjectOf` with only the keys of `schema` that a role receives (`received`, from the access
 * table): a key withheld from the role is not read at all.
 */
export function receivedJsonObjectOf<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  received: readonly string[],
  values: { [K in keyof Shape]: SQLWrapper },
): SQL<string> {
  const keys = Object.keys(schema.shape).filter((key) => received.includes(key));
  const mask = Object.fromEntries(keys.map((key) => [key, true])) as Parameters<typeof schema.pick>[0];
  const picked = Object.fromEntries(keys.map((key) => [key, values[key as keyof Shape]])) as { [K in keyof Shape]: SQLWrapper };
  // The picked schema has a subset of the keys, and `picked` exactly those: jsonObjectOf checks both.
  return jsonObjectOf(schema.pick(mask) as unknown as z.ZodObject<Shape>, picked);
}

/** The reply of a list route (`listReply` in @bds/shared) from its items' JSON texts. */
export function jsonListReply<Item>(items: readonly string[], nextCursor: string | null): JsonText<ListPage<Item>> {
  return `{"items":[${items.join(',')}],"nextCursor":${nextCursor === null ? 'null' : JSON.stringify(nextCursor)}}` as JsonText<
    ListPage<Item>
  >;
}

/**
 * Sends JSON text written by SQLite as the reply. Fastify sends a string with a JSON content type
 * as it is, without the route's serializer: the route's reply schema still documents it (OpenAPI),
 * and `jsonObjectOf` has held the text to that schema's keys.
 */
export function sendJsonText(reply: Pick<FastifyReply, 'type'>, text: JsonText<unknown>): void {
  reply.type('application/json; charset=utf-8').send(text);
}
