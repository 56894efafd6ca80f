// Compiled statements kept by SQL text. Drizzle asks the connection to prepare every query it
// runs; compiling a join costs SQLite far more than running it on an index, so the same text
// gets the same compiled statement back, reset to the default row mode.
import type Database from 'better-sqlite3';

const MAX_STATEMENTS = 2000;

export function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  const cached = (source: string): Database.Statement => {
    let statement = cache.get(source);
    if (statement && !statement.busy) {
      if (statement.reader) statement.raw(false);
      return statement;
    }
    statement = prepare(source);
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value ?? '');
    cache.set(source, statement);
    return statement;
  };
  sqlite.prepare = cached as typeof sqlite.prepare;
}
