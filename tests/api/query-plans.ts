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
