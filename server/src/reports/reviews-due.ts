// Projects whose UVM review date (from their last evaluation) is past or within `within` days.
import { sql } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '@bds/db';
import type { ReviewsDue } from '@bds/shared';
import type { Actor, Principal } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { addDaysToDate, daysBetween, today } from '../dates-extra.ts';
import { visiblePtris } from '../scope/visibility.ts';
import { bucketsWithin } from './calendar-spans.ts';
import { visibleServices } from './service-scope.ts';

const { ptris, reviewDates } = schema;

/**
 * Active and suspended projects whose review is past on `date`, and those due from it to
 * `horizon`, counted from the review dates summary (migration 0014): a few day, month and year
 * rows per service instead of every project whose review is past.
 */
export function reviewCounts(db: Queryable, user: Principal, date: string, horizon: string, serviceId: number | undefined) {
  const scope = visibleServices(user, reviewDates.serviceId);
  const counted = sql`${serviceId ? sql`AND ${reviewDates.serviceId} = ${serviceId}` : sql``} ${scope ? sql`AND ${scope}` : sql``}`;
  const counts = db.get<{ overdue: number | null; near: number | null }>(sql`
    SELECT (SELECT SUM(${reviewDates.projects}) FROM ${reviewDates} WHERE ${bucketsWithin(reviewDates, undefined, addDaysToDate(date, -1))} ${counted}) AS overdue,
      (SELECT SUM(${reviewDates.projects}) FROM ${reviewDates} WHERE ${bucketsWithin(reviewDates, date, horizon)} ${counted}) AS near`);
  return { overdue: counts?.overdue ?? 0, near: counts?.near ?? 0 };
}

export async function reviewsDue(db: Db, actor: Actor, within: number, serviceId: number | undefined, limit: number): Promise<ReviewsDue> {
  const date = today();
  const horizon = addDaysToDate(date, within);
  const visible = visiblePtris(actor.user);
  const where = sql`${ptris.nextReviewDate} <= ${horizon}
    ${serviceId ? sql`AND ${ptris.serviceId} = ${serviceId}` : sql``} ${visible ? sql`AND ${visible}` : sql``}`;
  // Each status's first page read in the covering review index's order (status, review date):
  // with both statuses in one range the planner would sort every due project to find the first ones.
  const firstOf = (status: 'active' | 'suspended') => sql`SELECT * FROM (SELECT ${ptris.id} AS id, ${ptris.personId} AS person_id,
    ${ptris.serviceId} AS service_id, ${ptris.status} AS status, ${ptris.nextReviewDate} AS next_review_date
    FROM ${ptris} WHERE ${ptris.status} = ${status} AND ${where} ORDER BY ${ptris.nextReviewDate}, ${ptris.id} LIMIT ${limit})`;
  const { report, ptriIds } = db.transaction((tx) => {
    // The page is chosen on the covering review index first; only its rows are joined to names.
    const rows = tx.all<{ ptriId: number; personId: number; personName: string; serviceId: number; serviceName: string; status: string; nextReviewDate: string }>(sql`
      SELECT due.id AS ptriId, p.id AS personId, p.family_name || ' ' || p.given_name AS personName, s.id AS serviceId, s.name AS serviceName,
        due.status AS status, due.next_review_date AS nextReviewDate
      FROM (${firstOf('active')} UNION ALL ${firstOf('suspended')} ORDER BY next_review_date, id LIMIT ${limit}) due
      JOIN persons p ON p.id = due.person_id JOIN services s ON s.id = due.service_id
      ORDER BY due.next_review_date, due.id`);
    const { overdue, near } = reviewCounts(tx, actor.user, date, horizon, serviceId);
    const report: ReviewsDue = {
      date,
      within,
      overdue,
      near,
      items: rows.map(({ personId: _personId, ...row }) => {
        const daysLeft = daysBetween(date, row.nextReviewDate);
        return { ...row, daysLeft, overdue: daysLeft < 0 };
      }),
    };
    return { report, ptriIds: rows.map((r) => r.ptriId) };
  });
  await auditRead(db, actor, { action: 'read', entity: 'report_reviews_due', changes: { within, serviceId: serviceId ?? null, ptriIds } });
  return report;
}

export const REVIEWS_CSV_HEADER = ['Progetto', 'Persona', 'Servizio', 'Stato', 'Data verifica', 'Giorni mancanti', 'Scaduta'];

export function reviewsCsvRows(report: ReviewsDue): unknown[][] {
  return report.items.map((r) => [r.ptriId, r.personName, r.serviceName, r.status, r.nextReviewDate, r.daysLeft, r.overdue ? 'sì' : 'no']);
}
