// Whether the database carries every migration committed in db/migrations.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS_FOLDER } from './connection.ts';

export interface MigrationStatus {
  applied: number;
  expected: number;
  current: boolean;
}

let expected: number | undefined;
function expectedMigrations(): number {
  if (expected !== undefined) return expected;
  const journal = JSON.parse(readFileSync(resolve(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  expected = journal.entries.length;
  return expected;
}

export function migrationStatus(sqlite: Database.Database): MigrationStatus {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  const applied = table ? (sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
  const want = expectedMigrations();
  return { applied, expected: want, current: applied === want };
}
