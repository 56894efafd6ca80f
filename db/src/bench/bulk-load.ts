// Bulk-load mode: no journal and no fsync while generating, secondary indexes and triggers
// set aside and rebuilt once the rows are in (one sorted build beats millions of inserts).
import type Database from 'better-sqlite3';

interface SetAside {
  name: string;
  type: 'index' | 'trigger';
  sql: string;
}

export function enterBulkMode(client: Database.Database, tables: readonly string[]): SetAside[] {
  // better-sqlite3 opens connections in SQLite's defensive mode, which refuses journal_mode=OFF.
  client.unsafeMode(true);
  client.pragma('journal_mode = OFF');
  client.pragma('synchronous = OFF');
  client.pragma('cache_size = -1048576');
  client.pragma('temp_store = MEMORY');
  const placeholders = tables.map(() => '?').join(', ');
  const objects = client
    .prepare(
      `SELECT name, type, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${placeholders})`,
    )
    .all(...tables) as SetAside[];
  for (const object of objects) client.exec(`DROP ${object.type === 'index' ? 'INDEX' : 'TRIGGER'} "${object.name}"`);
  return objects;
}

/**
 * Rebuilds what was set aside (indexes first, so the triggers' lookups have them) and returns to
 * WAL. `beforeTriggers` runs between the two: summaries filled from views need the indexes, and
 * must not be counted a second time by their own tables' triggers.
 */
export function leaveBulkMode(
  client: Database.Database,
  setAside: SetAside[],
  time: (label: string, work: () => void) => void,
  beforeTriggers: () => void = () => {},
): void {
  for (const object of setAside.filter((o) => o.type === 'index')) time(`index ${object.name}`, () => client.exec(object.sql));
  beforeTriggers();
  for (const object of setAside.filter((o) => o.type === 'trigger')) client.exec(object.sql);
  time('analyze', () => client.exec('PRAGMA analysis_limit = 400; ANALYZE'));
  client.unsafeMode(false);
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = FULL');
}
