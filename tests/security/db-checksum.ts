// A fingerprint of every table but the access log, to prove a refused request wrote nothing.
import { createHash } from 'node:crypto';
import type { Db } from '@bds/db';

export function tableChecksums(db: Db): Map<string, string> {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name")
    .all() as { name: string }[];
  const sums = new Map<string, string>();
  for (const { name } of tables) {
    const rows = db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all();
    sums.set(name, createHash('sha1').update(JSON.stringify(rows)).digest('hex'));
  }
  return sums;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}
