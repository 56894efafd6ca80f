import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@bds/db';
import { daysBetween, maxDate } from '@bds/shared';
import { daysThroughToday, inCareDuring, type FlatWorkColumns } from '../figures/definitions.ts';

/**
 * NR_UT as figures/definitions.ts defines it (usersOfLotInYear), per responsible service;
 * `serviceId` narrows it to one service. It reads the counters that triggers keep on every write
 * of `ptris` (migration 0005), which follow each project to its closing day or, while open, to
 * its planned end. Triggers cannot follow today, so the persons of the few projects on the wrong
 * side of it are recounted from their rows: open projects past their planned end before the year
 * began (still in care, missing from the counters) and projects activated after today (counted
 * by them too early). Both are key ranges of an index, whatever the number of projects.
 */
export function yearlyUsersByService(db: Queryable, year: number, lotNumber: number, serviceId: number | null, today: string) {
  const yearEnd = `${year}-12-31`;
  const days = daysThroughToday(`${year}-01-01`, yearEnd, today);
  if (!days) return { rows: [], total: 0 };
  const serviceFilter = (column: string) => (serviceId === null ? sql`` : sql`AND ${sql.raw(column)} = ${serviceId}`);
  const lotIds = sql`(SELECT id FROM lots WHERE number = ${lotNumber})`;
  // Persons (and their services) whose count the counters may have wrong for this year.
  const recounted = sql`
    SELECT person_id, service_id FROM ptris
      WHERE ended_on IS NULL AND activated_on IS NOT NULL AND end_date < ${days.first} AND lot_id IN ${lotIds} ${serviceFilter('service_id')}
    UNION SELECT person_id, service_id FROM ptris
      WHERE lot_id IN ${lotIds} AND activated_on > ${days.last} AND activated_on <= ${yearEnd} ${serviceFilter('service_id')}`;
  const counted = (byService: boolean) => sql`EXISTS (SELECT 1 FROM ptri_years y WHERE y.year = ${year} AND y.lot_number = ${lotNumber}
    AND y.person_id = r.person_id ${byService ? sql`AND y.service_id = r.service_id` : serviceFilter('y.service_id')})`;
  const inCare = (byService: boolean) => sql`EXISTS (SELECT 1 FROM ptris p WHERE p.person_id = r.person_id AND p.lot_id IN ${lotIds}
    ${byService ? sql`AND p.service_id = r.service_id` : serviceFilter('p.service_id')} AND ${inCareDuring(days.first, days.last)})`;
  const corrections = db.all<{ serviceId: number; users: number }>(sql`
    SELECT r.service_id AS serviceId, SUM(${inCare(true)}) - SUM(${counted(true)}) AS users
    FROM (SELECT DISTINCT person_id, service_id FROM (${recounted})) r GROUP BY r.service_id`);
  const totalCorrection =
    db.get<{ users: number | null }>(sql`
    SELECT SUM(${inCare(false)}) - SUM(${counted(false)}) AS users FROM (SELECT DISTINCT person_id FROM (${recounted})) r`)?.users ?? 0;

  const stored = db.all<{ serviceId: number; serviceCode: string; serviceName: string; users: number }>(sql`
    SELECT s.id AS serviceId, s.code AS serviceCode, s.name AS serviceName, COALESCE(c.users, 0) AS users
    FROM services s LEFT JOIN yearly_service_users c ON c.service_id = s.id AND c.year = ${year} AND c.lot_number = ${lotNumber}
    WHERE (c.users > 0 OR s.id IN (${sql.join([sql`0`, ...corrections.map((r) => sql`${r.serviceId}`)], sql`, `)})) ${serviceFilter('s.id')}
    ORDER BY s.name COLLATE NOCASE`);
  const correctionOf = new Map(corrections.map((r) => [r.serviceId, r.users]));
  const rows = stored.map((row) => ({ ...row, users: row.users + (correctionOf.get(row.serviceId) ?? 0) })).filter((row) => row.users > 0);
  if (serviceId !== null) return { rows, total: rows[0]?.users ?? 0 };
  const total = db.get<{ total: number }>(sql`
    SELECT users AS total FROM yearly_lot_users WHERE year = ${year} AND lot_number = ${lotNumber}`);
  return { rows, total: (total?.total ?? 0) + totalCorrection };
}

/**
 * The flats' hours (flatWorkFromRows in figures/definitions.ts) read from flat_month_work
 * (migration 0161): the rows of flat `f` for the months of the period, at most twelve for a year.
 * The period runs from a month's first day to a month's last day or today: no work is dated
 * after today, so the months hold exactly the period's work.
 */
export function flatWorkFromSummary(first: string, last: string): FlatWorkColumns {
  const months = sql`flat_month_work w WHERE w.flat_id = f.id AND w.month BETWEEN ${first.slice(0, 7)} AND ${last.slice(0, 7)}`;
  return {
    flatMinutes: sql`(SELECT COALESCE(SUM(w.flat_minutes), 0) FROM ${months})`,
    flatAmountCents: sql`(SELECT COALESCE(SUM(w.flat_amount_cents), 0) FROM ${months})`,
    personalMinutes: sql`(SELECT COALESCE(SUM(w.personal_minutes), 0) FROM ${months})`,
    personalAmountCents: sql`(SELECT COALESCE(SUM(w.personal_amount_cents), 0) FROM ${months})`,
  };
}

/** flatWorkFromSummary summed over the flats `flatsCondition` selects (null: every flat). */
export function flatWorkTotalsFromSummary(db: Queryable, first: string, last: string, flatsCondition: SQL | null) {
  const flats = flatsCondition ? sql`w.flat_id IN (SELECT f.id FROM flats f WHERE ${flatsCondition})` : sql`1`;
  return (
    db.get<{ flatMinutes: number; flatAmountCents: number; personalMinutes: number; personalAmountCents: number }>(sql`
    SELECT COALESCE(SUM(w.flat_minutes), 0) AS flatMinutes, COALESCE(SUM(w.flat_amount_cents), 0) AS flatAmountCents,
      COALESCE(SUM(w.personal_minutes), 0) AS personalMinutes, COALESCE(SUM(w.personal_amount_cents), 0) AS personalAmountCents
    FROM flat_month_work w WHERE w.month BETWEEN ${first.slice(0, 7)} AND ${last.slice(0, 7)} AND ${flats}`) ?? {
      flatMinutes: 0,
      flatAmountCents: 0,
      personalMinutes: 0,
      personalAmountCents: 0,
    }
  );
}

/**
 * The place-days of all the flats over each span of days that have passed (flatPlaceDaysOf in
 * figures/definitions.ts over every flat), from flat_place_day_changes (migration 0162): a change
 * on day t counts for the days from t (or the span's first) to the span's last. The rows read are
 * the days that changed anything up to the last span's end, whatever the number of flats.
 */
export function allFlatsPlaceDaysOf(db: Queryable, spans: { first: string; last: string }[]): { available: number; occupied: number }[] {
  const end = spans.reduce((latest, span) => maxDate(latest, span.last), '');
  // Each change's day counted back from the latest end.
  const changes = db.all<{ before: number; available: number; occupied: number }>(sql`
    SELECT CAST(julianday(${end}) - julianday(day) AS INTEGER) AS before, available, occupied FROM flat_place_day_changes
    WHERE day <= ${end} AND (available <> 0 OR occupied <> 0) ORDER BY day`);
  const before = (day: string) => daysBetween(day, end);
  return spans.map(({ first, last }) => {
    const sums = { available: 0, occupied: 0 };
    const [fromFirst, fromLast] = [before(first), before(last)];
    for (const change of changes) {
      if (change.before < fromLast) break;
      const days = Math.min(change.before, fromFirst) - fromLast + 1;
      sums.available += change.available * days;
      sums.occupied += change.occupied * days;
    }
    return sums;
  });
}
