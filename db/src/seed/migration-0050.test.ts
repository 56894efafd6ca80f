// Migration 0050 (stable ids, seven budget sources, content revision) on a copy of the demo
// database as it was before it: every goal and budget line keeps its id and values, and each
// project gets the content revision its saved versions reached.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER, openMemoryDb, type Db } from '../connection.ts';
import { seedDemoData, seedReferenceData } from './index.ts';

const rows = <T>(db: Db, sql: string): T[] => db.$client.prepare(sql).all() as T[];

/** The migrations of this range, by tag, in the journal's order. */
function migrationsOfRange(): string[] {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((entry) => entry.tag).filter((tag) => tag.startsWith('0050_') || tag.startsWith('0051_'));
}

/** Runs 0050 and 0051 as the migrator does, statement by statement; later migrations stay applied. */
function applyMigrations0050And0051(db: Db) {
  for (const tag of migrationsOfRange()) {
    const statements = readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8').split('--> statement-breakpoint');
    db.$client.transaction(() => {
      for (const statement of statements) if (statement.trim()) db.$client.exec(statement);
    })();
  }
}

/**
 * Takes a database back to the schema before migration 0050 (undoing 0051 first): the demo as an
 * older release holds it. Later migrations of this range add their undoing here.
 */
function beforeMigration0050(db: Db) {
  db.$client.exec(`
    DROP INDEX ptris_signature_pending_idx;
    ALTER TABLE ptris DROP COLUMN person_signed_revision;
    DROP TABLE ptri_signatures;
    DROP TABLE person_benefits;
    ALTER TABLE ptris DROP COLUMN revision;
    ALTER TABLE ptri_revisions DROP COLUMN revision;
  `);
}

describe('migration 0050 on the demo data', () => {
  let db: Db;
  const before: Record<string, unknown[]> = {};
  beforeAll(async () => {
    db = openMemoryDb();
    seedReferenceData(db);
    await seedDemoData(db);
    beforeMigration0050(db);
    // A version that changed only the case manager: no new content revision.
    const [first] = rows<{ ptri_id: number; version: number }>(
      db,
      'SELECT ptri_id, max(version) AS version FROM ptri_revisions GROUP BY ptri_id LIMIT 1',
    );
    db.$client
      .prepare(
        `INSERT INTO ptri_revisions (ptri_id, version, snapshot, changes, reason, user_id, created_at)
         SELECT ptri_id, version + 1, snapshot, '{"caseManagerId":{"before":1,"after":2}}', 'Nuovo case manager', user_id, created_at
         FROM ptri_revisions WHERE ptri_id = ? AND version = ?`,
      )
      .run(first!.ptri_id, first!.version);
    db.$client.prepare('UPDATE ptris SET version = version + 1 WHERE id = ?').run(first!.ptri_id);
    for (const table of ['goals', 'budget_lines', 'ptri_revisions', 'ptris'])
      before[table] = rows(db, `SELECT * FROM ${table} ORDER BY id`);
    applyMigrations0050And0051(db);
  }, 120_000);

  it('keeps every goal and budget line, with its id, source and values', () => {
    expect(rows(db, 'SELECT * FROM goals ORDER BY id')).toEqual(before.goals);
    expect(rows(db, 'SELECT * FROM budget_lines ORDER BY id')).toEqual(before.budget_lines);
    expect(before.budget_lines!.length).toBeGreaterThan(1000);
  });

  it('keeps every project and saved version, adding only the content revision (and 0051 the signed one)', () => {
    type Added = { revision?: number; person_signed_revision?: number | null };
    const strip = <T extends Added>(list: T[]) => list.map(({ revision: _revision, person_signed_revision: _signed, ...rest }) => rest);
    expect(strip(rows<Added>(db, 'SELECT * FROM ptris ORDER BY id'))).toEqual(before.ptris);
    expect(strip(rows<Added>(db, 'SELECT * FROM ptri_revisions ORDER BY id'))).toEqual(before.ptri_revisions);
    expect(rows(db, 'SELECT id FROM ptris WHERE person_signed_revision IS NOT NULL')).toEqual([]);
  });

  it('numbers the content revisions: each saved version that changed content, not one that changed only the case manager', () => {
    const wrong = rows(
      db,
      `SELECT r.ptri_id, r.version, r.revision FROM ptri_revisions r
       WHERE r.revision <> (SELECT count(*) FROM ptri_revisions e WHERE e.ptri_id = r.ptri_id AND e.version <= r.version
         AND e.reason <> 'Nuovo case manager')`,
    );
    expect(wrong).toEqual([]);
    const managerOnly = rows<{ version: number; revision: number }>(
      db,
      "SELECT version, revision FROM ptri_revisions WHERE reason = 'Nuovo case manager'",
    );
    expect(managerOnly).toHaveLength(1);
    expect(managerOnly[0]!.revision).toBe(managerOnly[0]!.version - 1);
    expect(rows(db, 'SELECT id FROM ptris p WHERE revision <> (SELECT max(revision) FROM ptri_revisions WHERE ptri_id = p.id)')).toEqual(
      [],
    );
  });
});
