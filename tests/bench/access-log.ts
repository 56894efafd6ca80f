// What logging the persons a page showed costs (issue 21): the access-log row of a 50-row page of
// the case manager's project list, with its 50 person rows and without them, written the way the
// group commit writes a busy turn (64 rows in one transaction), the persons staged and then merged
// into the person-order index as the group commit merges them. The two take turns in the same
// run, since this host's speed changes within a minute; each transaction is rolled back, so the
// bench database is left as it was.
import { openDb } from '@bds/db';
import { auditRow, insertAuditRow } from '@bds/server/audit/record.ts';
import { mergeShownPersons } from '@bds/server/audit/person-index.ts';
import { percentile } from './percentile.ts';

export interface AccessLogFigures {
  rowsPerTransaction: number;
  personsPerRow: number;
  /** Median microseconds per access-log row. */
  withoutPersonsUs: number;
  withPersonsUs: number;
  transactions: number;
}

const ROWS_PER_TRANSACTION = 64;

export function timeAccessLogPersons(databasePath: string, minMs: number): AccessLogFigures {
  const db = openDb(databasePath);
  try {
    const client = db.$client;
    const caseManager = client.prepare(`SELECT id, service_id AS serviceId FROM users WHERE username = 'casemanager'`).get() as {
      id: number;
      serviceId: number;
    };
    const page = client
      .prepare('SELECT id, person_id AS personId FROM ptris WHERE service_id = ? ORDER BY id DESC LIMIT 50')
      .all(caseManager.serviceId) as { id: number; personId: number }[];
    const actor = { user: { id: caseManager.id, username: 'casemanager' }, ip: '127.0.0.1' } as Parameters<typeof auditRow>[0];
    const changes = { filters: { limit: 50 }, ptriIds: page.map((p) => p.id) };
    const personIds = page.map((p) => p.personId);
    const turn = (withPersons: boolean) => {
      const started = performance.now();
      client.exec('BEGIN IMMEDIATE');
      try {
        for (let i = 0; i < ROWS_PER_TRANSACTION; i++) {
          insertAuditRow(db, auditRow(actor, { action: 'read', entity: 'ptri_list', changes, ...(withPersons ? { personIds } : {}) }));
        }
        if (withPersons) mergeShownPersons(db, Infinity);
      } finally {
        client.exec('ROLLBACK');
      }
      return ((performance.now() - started) * 1000) / ROWS_PER_TRANSACTION;
    };
    const without: number[] = [];
    const withPersons: number[] = [];
    const started = performance.now();
    while (without.length < 20 || performance.now() - started < minMs) {
      without.push(turn(false));
      withPersons.push(turn(true));
    }
    return {
      rowsPerTransaction: ROWS_PER_TRANSACTION,
      personsPerRow: new Set(personIds).size,
      withoutPersonsUs: Math.round(percentile(without, 50)),
      withPersonsUs: Math.round(percentile(withPersons, 50)),
      transactions: without.length * 2,
    };
  } finally {
    db.$client.close();
  }
}
