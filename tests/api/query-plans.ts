// The query plans of what a service function runs: its statements captured through drizzle's
// logger on the test database's connection, then explained there with their own parameters.
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '@bds/db';
import type { Principal } from '@bds/server/auth/principal.ts';

/** A signed-in user of the role, as the access policy sees it: only role and service matter to a plan. */
export const planPrincipal = (role: 'manager' | 'case_manager', serviceId: number | null): Principal => ({
  id: 1,
  username: role,
  displayName: role,
  role,
  serviceId,
  districtId: null,
  cooperativeId: null,
  mustChangePassword: false,
  sessionId: 'plan',
});

/** Each statement `run` issued on `client`, as the lines of its EXPLAIN QUERY PLAN. */
export function plansOf(client: Database.Database, run: (db: Db) => void): string[][] {
  const statements: { sql: string; params: unknown[] }[] = [];
  run(drizzle(client, { logger: { logQuery: (sql, params) => statements.push({ sql, params }) } }) as unknown as Db);
  return statements.map(({ sql, params }) =>
    (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail),
  );
}

/**
 * sqlite_stat1 of the projects' indexes as ANALYZE left it on tier L (1,000,000 projects), loaded
 * for the planner: an in-memory test database has none, and plans chosen without them can differ.
 */
export function loadTierLStatistics(client: Database.Database): void {
  client.exec('ANALYZE');
  client.exec(`DELETE FROM sqlite_stat1; INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
    ('ptris', 'ptris_open_end_idx', '100208 267 115 1 1'), ('ptris', 'ptris_care_end_idx', '1000000 7 5 2 1 1 1 1 1'),
    ('ptris', 'ptris_review_idx', '1000000 401 35 4 1'), ('ptris', 'ptris_service_idx', '1000000 401 1'),
    ('ptris', 'ptris_lot_period_idx', '1000000 401 401'), ('ptris', 'ptris_person_idx', '1000000 2'),
    ('ptris', 'ptris_service_status_idx', '1000000 401 401 1'), ('ptris', 'ptris_signature_pending_idx', '4050 201 1'),
    ('ptri_years', 'ptri_years_person_idx', '1915806 401 401 1 1'), ('ptri_years', 'sqlite_autoindex_ptri_years_1', '1915806 2 1'),
    ('lots', 'lots_number_tender_idx', '4 1 1'); ANALYZE sqlite_schema`);
}
