// Each report's own SQL, run directly on better-sqlite3: the statements the report's service
// issues are captured once through drizzle's logger on a read-only connection (so the audit
// insert that ends every report fails there and leaves the bench database as it was), then
// the SELECTs are timed on plain prepared statements.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '@bds/db';
import { today } from '@bds/shared';
import type { Actor } from '@bds/server/auth/principal.ts';
import { yearlyCounts } from '@bds/server/reports/service.ts';
import { lotTotals } from '@bds/server/reports/lot-totals.ts';
import { caseload } from '@bds/server/reports/caseload.ts';
import { reviewsDue } from '@bds/server/reports/reviews-due.ts';
import { flatsReport } from '@bds/server/reports/flats.ts';
import { communityActivitiesReport } from '@bds/server/community-activities/report.ts';
import { outcomesReport } from '@bds/server/outcomes/service.ts';
import { budgetComposition } from '@bds/server/budget-composition/service.ts';
import type { ReportCall } from './endpoints.ts';
import { percentile } from './percentile.ts';

interface Statement {
  sql: string;
  params: unknown[];
}

export interface SqlFigures {
  statements: string[];
  p50Ms: number;
  runs: number;
}

export async function runReport(db: Db, actor: Actor, call: ReportCall): Promise<void> {
  switch (call.report) {
    case 'yearly-counts':
      await yearlyCounts(db, actor, call.year, call.lot);
      return;
    case 'lot-totals':
      await lotTotals(db, actor, call.year, call.month);
      return;
    case 'caseload':
      await caseload(db, actor, undefined);
      return;
    case 'reviews-due':
      // The page size the endpoint answers with by default (JSON), so the SQL is the endpoint's.
      await reviewsDue(db, actor, call.within, undefined, 100);
      return;
    case 'flats':
      await flatsReport(db, actor, call.year);
      return;
    case 'community-activities':
      await communityActivitiesReport(db, actor, call.year, {});
      return;
    case 'outcomes':
      await outcomesReport(db, actor, call.year, undefined, undefined);
      return;
    case 'budget-composition':
      await budgetComposition(db, actor, call.year, undefined, undefined);
  }
}

export function managerActor(client: Database.Database): Actor {
  const row = client.prepare(`SELECT id, username, display_name AS displayName FROM users WHERE username = 'manager'`).get() as {
    id: number;
    username: string;
    displayName: string;
  };
  const user = {
    ...row,
    role: 'manager' as const,
    serviceId: null,
    districtId: null,
    cooperativeId: null,
    mustChangePassword: false,
    sessionId: 'bench',
  };
  return { user, ip: '127.0.0.1', today: today(), now: new Date().toISOString() };
}

/** Captures the SELECTs of one report and times them. */
export async function timeReportSql(databasePath: string, call: ReportCall, minRuns: number, minMs: number): Promise<SqlFigures> {
  const client = new Database(databasePath, { readonly: true });
  try {
    client.pragma('cache_size = -65536');
    const captured: Statement[] = [];
    const db = drizzle(client, { logger: { logQuery: (sql, params) => captured.push({ sql, params }) } }) as Db;
    try {
      await runReport(db, managerActor(client), call);
    } catch (error) {
      if (!/readonly/i.test(String(error))) throw error;
    }
    const selects = captured.filter((s) => /^\s*(select|with)\b/i.test(s.sql));
    const prepared = selects.map((s) => ({ statement: client.prepare(s.sql), params: s.params }));
    const timings: number[] = [];
    const started = performance.now();
    while (timings.length < minRuns || performance.now() - started < minMs) {
      const t0 = performance.now();
      for (const { statement, params } of prepared) statement.all(...params);
      timings.push(performance.now() - t0);
    }
    const p50 = percentile(timings, 50);
    return { statements: selects.map((s) => s.sql.replace(/\s+/g, ' ').trim()), p50Ms: Math.round(p50 * 100) / 100, runs: timings.length };
  } finally {
    client.close();
  }
}
