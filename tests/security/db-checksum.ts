// A fingerprint of every table but the access log, to prove a refused request wrote nothing.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '@bds/db';

/**
 * Every row of a table in a stable order: by rowid, or by primary key for the summaries kept
 * WITHOUT ROWID (migration 0013), which have none.
 */
export function orderedRows(client: Database.Database, table: string): unknown[] {
  const { wr } = client.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').get(table) as { wr: number };
  const order = wr
    ? (client.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string }[])
        .map((c) => `"${c.name}"`)
        .join(', ')
    : 'rowid';
  return client.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().all();
}

export function tableChecksums(db: Db): Map<string, string> {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name")
    .all() as { name: string }[];
  const sums = new Map<string, string>();
  for (const { name } of tables) {
    const rows = orderedRows(db.$client, name);
    sums.set(name, createHash('sha1').update(JSON.stringify(rows)).digest('hex'));
  }
  return sums;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}
