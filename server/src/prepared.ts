// Drizzle builds a query's SQL text anew on every call, and on a hot path that building costs
// several times more than SQLite running the query on its index. A hot query is therefore built
// once per connection and shape (which filters it has, whose scope it is limited to), prepared
// with placeholders for the values that change per request, and reused.
//
// A transaction handle shares its database's session (drizzle's internal `session`, which holds
// the one connection), so a query prepared through either serves both: run inside a transaction
// it sees that transaction's writes like any other statement on the connection.
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
    query = build(db);
    if (cache.size >= MAX_PER_CONNECTION) cache.delete(cache.keys().next().value!);
    cache.set(key, query);
  }
  return query;
}
