// Drizzle builds a query's SQL text anew on every call, and on a hot path that building costs
// several times more than SQLite running the query on its index. A hot query is therefore built
// once per connection and shape (which filters it has, whose scope it is limited to), prepared
// with placeholders for the values that change per request, and reused.
//
// A transaction handle shares its database's session (drizzle's internal `session`, which holds
// the one connection), so a query prepared through either serves both: run inside a transaction
// it sees that transaction's writes like any other statement on the connection.
import { Column, is, sql, SQL, Subquery, type Query } from 'drizzle-orm';
import type { Queryable } from '@bds/db';

/** Shapes are few (filters × scopes of the reference data); the bound only guards against misuse. */
const MAX_PER_CONNECTION = 5000;

const perConnection = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: Queryable, key: string, build: (db: Queryable) => T): T {
  const { session } = db as unknown as { session: object };
  let cache = perConnection.get(session);
  if (!cache) perConnection.set(session, (cache = new Map()));
  let query = cache.get(key) as T | undefined;
  if (query === undefined) {
    query = withFlatRows(build(db));
    if (cache.size >= MAX_PER_CONNECTION) cache.delete(cache.keys().next().value!);
    cache.set(key, query);
  }
  return query;
}

/**
 * The ids of a request as one parameter, `ids`, given as `JSON.stringify(ids)`: one prepared
 * statement serves one id or a month file's thousands.
 */
export const idList = sql`(SELECT value FROM json_each(${sql.placeholder('ids')}))`;

/** The methods of a statement written as SQL, prepared with drizzle's placeholders; rows as SQLite names them. */
export interface PreparedSql<Row> {
  all(placeholders?: Record<string, unknown>): Row[];
  get(placeholders?: Record<string, unknown>): Row | undefined;
}

/** The parts of drizzle's SQLite database that `db.all(sql)` itself uses (drizzle-orm/sqlite-core/session). */
interface DrizzleInternals {
  session: { prepareQuery(query: Query, fields: undefined, executeMethod: 'all' | 'run', isResponseInArrayMode: false): unknown };
  dialect: { sqlToQuery(sql: SQL): Query };
}

/**
 * A statement written as SQL rather than with the query builder, built once per connection and
 * `key` like `prepared`: `build` writes it with `sql.placeholder(name)` for every value that
 * changes per request, and nothing of the request may shape its text other than what `key` names.
 */
export function preparedSql<Row>(db: Queryable, key: string, build: () => SQL): PreparedSql<Row> {
  return prepared(db, key, (db) => {
    const { session, dialect } = db as unknown as DrizzleInternals;
    return withNamedRows<Row>(session.prepareQuery(dialect.sqlToQuery(build()), undefined, 'all', false) as DrizzleSqlPrepared);
  });
}

/**
 * A write written as SQL, built once per connection and `key` like `preparedSql`: `db.run(sql…)`
 * builds its text anew on every call, which for the access log's per-person rows cost as much as
 * inserting them.
 */
export function preparedRun(db: Queryable, key: string, build: () => SQL): { run(placeholders: Record<string, unknown>): unknown } {
  return prepared(db, key, (db) => {
    const { session, dialect } = db as unknown as DrizzleInternals;
    return session.prepareQuery(dialect.sqlToQuery(build()), undefined, 'run', false) as {
      run(placeholders: Record<string, unknown>): unknown;
    };
  });
}

/** The parts of drizzle's prepared SQLite query for SQL text that naming rows reads (drizzle-orm/better-sqlite3/session). */
interface DrizzleSqlPrepared {
  stmt: { columns(): { name: string }[] };
  values(placeholders?: Record<string, unknown>): unknown[][];
}

/**
 * better-sqlite3 builds a row object through V8's API, key by key, several times slower than the
 * row's values (a report of a few hundred rows spent more on its rows than on its SQL). The rows
 * are therefore read as values (drizzle's `values`, which also logs the query like `all`) and named
 * here with the statement's column names, looked up once: the same objects, later columns of a
 * repeated name winning as they do in better-sqlite3's.
 */
function withNamedRows<Row>(query: DrizzleSqlPrepared): PreparedSql<Row> {
  const names = query.stmt.columns().map((column) => column.name);
  const toRow = (values: unknown[]) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row as Row;
  };
  return {
    all: (placeholders) => query.values(placeholders).map(toRow),
    // Through `values` too: the statement may be shared, and left in raw mode, by another query of the same text.
    get: (placeholders) => {
      const first = query.values(placeholders)[0];
      return first === undefined ? undefined : toRow(first);
    },
  };
}

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}
interface SelectedField {
  path: string[];
  field: unknown;
}
/** The parts of drizzle's prepared SQLite query that mapping rows reads (drizzle-orm/sqlite-core/session). */
interface DrizzlePrepared {
  fields?: SelectedField[];
  customResultMapper?: unknown;
  values(placeholders?: Record<string, unknown>): unknown[][];
  all(placeholders?: Record<string, unknown>): unknown[];
}

function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  const expression = is(field, SQL)
    ? field
    : is(field, Subquery)
      ? (field as unknown as { _: { sql: SQL } })._.sql
      : (field as { sql: SQL }).sql;
  return (expression as unknown as { decoder: Decoder }).decoder;
}

/**
 * Drizzle maps every row of a result by walking each field's path and checking its class
 * anew (a tenth of a page of fifty projects). For a flat selection, the one kind the hot reads
 * use, the keys and decoders are the same for every row: they are looked up once here, and
 * `all` builds each row with them, with the same values drizzle gives (null stays null, every
 * other value goes through the column's or expression's decoder).
 */
function withFlatRows<T>(query: T): T {
  const q = query as unknown as DrizzlePrepared;
  if (typeof q?.values !== 'function' || !q.fields || q.customResultMapper || q.fields.some((f) => f.path.length !== 1)) return query;
  const keys = q.fields.map((f) => f.path[0]!);
  const decoders = q.fields.map((f) => decoderOf(f.field));
  const toRow = (values: unknown[]) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = values[i];
      row[keys[i]!] = value === null ? null : decoders[i]!.mapFromDriverValue(value);
    }
    return row;
  };
  q.all = (placeholders) => q.values(placeholders).map(toRow);
  return query;
}
