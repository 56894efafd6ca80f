// Projects whose UVM review date (from their last evaluation) is past or within `within` days.
import { sql, type SQL } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '@bds/db';
import { addDays, labelOf, PTRI_STATUS_LABELS, type ReviewsDue } from '@bds/shared';
import type { Actor, Principal } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { policyOf } from '../access/policy.ts';
import { decodeCursor, page } from '../pagination.ts';
import { bucketsWithin } from './calendar-spans.ts';

const { ptris, reviewDates } = schema;

/**
 * Active and suspended projects whose review is past on `date`, and those due from it to
 * `horizon`, counted from the review dates summary (migration 0014) as differences of three sums:
 * all of them, those from `date` on and those after `horizon`. The last two read only the days
 * left in a month, the months left in a year and the years after; all of them reads year rows.
 */
export function reviewCounts(db: Queryable, user: Principal, date: string, horizon: string, serviceId: number | undefined) {
  const scope = policyOf(user).services(reviewDates.serviceId);
  const counted = sql`${serviceId ? sql`AND ${reviewDates.serviceId} = ${serviceId}` : sql``} ${scope ? sql`AND ${scope}` : sql``}`;
  const sum = (buckets: SQL) => sql`(SELECT COALESCE(SUM(${reviewDates.projects}), 0) FROM ${reviewDates} WHERE ${buckets} ${counted})`;
  const counts = db.get<{ all: number; fromDate: number; afterHorizon: number }>(sql`
    SELECT ${sum(sql`${reviewDates.unit} = 'year'`)} AS "all", ${sum(bucketsWithin(reviewDates, date))} AS fromDate,
      ${sum(bucketsWithin(reviewDates, addDays(horizon, 1)))} AS afterHorizon`);
  if (!counts) return { overdue: 0, near: 0 };
  return { overdue: counts.all - counts.fromDate, near: counts.fromDate - counts.afterHorizon };
}

export async function reviewsDue(
  db: Db,
  actor: Actor,
  within: number,
  serviceId: number | undefined,
  limit: number,
  cursor?: string,
): Promise<ReviewsDue> {
  const after = decodeCursor(cursor, ['string', 'number']);
  const date = actor.today;
  const horizon = addDays(date, within);
  const visible = policyOf(actor.user).ptris;
  // The next page starts after the last row of the previous one, in the same (date, id) order.
  const where = sql`${ptris.nextReviewDate} <= ${horizon}
    ${after ? sql`AND (${ptris.nextReviewDate}, ${ptris.id}) > (${after[0]}, ${after[1]})` : sql``}
    ${serviceId ? sql`AND ${ptris.serviceId} = ${serviceId}` : sql``} ${visible ? sql`AND ${visible}` : sql``}`;
  // Each status's first page read in the covering review index's order (status, review date):
  // with both statuses in one range the planner would sort every due project to find the first ones.
  const firstOf = (status: 'active' | 'suspended') => sql`SELECT * FROM (SELECT ${ptris.id} AS id, ${ptris.personId} AS person_id,
    ${ptris.serviceId} AS service_id, ${ptris.status} AS status, ${ptris.nextReviewDate} AS next_review_date, ${ptris.endDate} AS end_date
    FROM ${ptris} WHERE ${ptris.status} = ${status} AND ${where} ORDER BY ${ptris.nextReviewDate}, ${ptris.id} LIMIT ${limit + 1})`;
  const { report, ptriIds, personIds } = db.transaction((tx) => {
    // The page is chosen on the covering review index first; only its rows are joined to names.
    // Days left counted by SQLite: parsing two dates per row in JS cost more than the query itself.
    const rows = tx.all<{
      ptriId: number;
      personId: number;
      personName: string;
      serviceId: number;
      serviceName: string;
      status: string;
      nextReviewDate: string;
      daysLeft: number;
      expired: number;
    }>(sql`
      SELECT due.id AS ptriId, p.id AS personId, p.family_name || ' ' || p.given_name AS personName, s.id AS serviceId, s.name AS serviceName,
        due.status AS status, due.next_review_date AS nextReviewDate,
        CAST(julianday(due.next_review_date) - julianday(${date}) AS INTEGER) AS daysLeft, due.end_date < ${date} AS expired
      FROM (${firstOf('active')} UNION ALL ${firstOf('suspended')} ORDER BY next_review_date, id LIMIT ${limit + 1}) due
      JOIN persons p ON p.id = due.person_id JOIN services s ON s.id = due.service_id
      ORDER BY due.next_review_date, due.id`);
    const { items: shown, nextCursor } = page(rows, limit, (row) => [row.nextReviewDate, row.ptriId]);
    const { overdue, near } = reviewCounts(tx, actor.user, date, horizon, serviceId);
    const report: ReviewsDue = {
      date,
      within,
      overdue,
      near,
      // Literals, not `{ ...row, overdue }`: V8 in Node 20 takes over a microsecond for each such spread.
      items: shown.map((row) => ({
        ptriId: row.ptriId,
        personName: row.personName,
        serviceId: row.serviceId,
        serviceName: row.serviceName,
        status: row.status,
        nextReviewDate: row.nextReviewDate,
        daysLeft: row.daysLeft,
        overdue: row.daysLeft < 0,
        expired: row.expired === 1,
      })),
      nextCursor,
    };
    return { report, ptriIds: shown.map((r) => r.ptriId), personIds: shown.map((r) => r.personId) };
  });
  await auditRead(db, actor, {
    action: 'read',
    entity: 'report_reviews_due',
    personIds,
    changes: { within, serviceId: serviceId ?? null, ptriIds },
  });
  return report;
}

export const REVIEWS_CSV_HEADER = [
  'Progetto',
  'Persona',
  'Servizio',
  'Stato',
  'Data verifica',
  'Giorni mancanti',
  'Verifica scaduta',
  'Progetto scaduto',
];

export function reviewsCsvRows(report: ReviewsDue): unknown[][] {
  return report.items.map((r) => [
    r.ptriId,
    r.personName,
    r.serviceName,
    labelOf(PTRI_STATUS_LABELS, r.status),
    r.nextReviewDate,
    r.daysLeft,
    r.overdue ? 'sì' : 'no',
    r.expired ? 'sì' : 'no',
  ]);
}
