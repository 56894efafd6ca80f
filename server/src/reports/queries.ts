import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import { addDays, daysBetween, LIVING_SITUATIONS, maxDate, minDate } from '@bds/shared';
import {
  daysThroughToday,
  inCareDuring,
  placeDaysAvailable,
  stayDays,
  stayDaysWithin,
  staysDuring,
  stayExitedBy,
  type FlatFigures,
  type FlatStayTotals,
} from '../figures/definitions.ts';
import type { AccessPolicy, ReportScope, RowScope } from '../access/policy.ts';
import { preparedSql } from '../prepared.ts';
import { bucketsWithinPrepared } from './calendar-spans.ts';

const { ptris, reviewDates, caseloadChanges: changes } = schema;
const p = sql.placeholder;

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
  const shape = serviceId === null ? 'all' : 'service';
  const values = { year, lotNumber, serviceId, first: days.first, last: days.last, yearEnd };
  const serviceFilter = (column: string) => (serviceId === null ? sql`` : sql`AND ${sql.raw(column)} = ${p('serviceId')}`);
  const lotIds = sql`(SELECT id FROM lots WHERE number = ${p('lotNumber')})`;
  // Persons (and their services) whose count the counters may have wrong for this year. The
  // planner would rather read every activated project of the lot (lot_id, activated_on IS NOT NULL)
  // than the few overdue ones of the partial index: 400 ms against 0.01 ms on tier L.
  const recounted = () => sql`
    SELECT person_id, service_id FROM ptris INDEXED BY ptris_open_end_idx
      WHERE ended_on IS NULL AND activated_on IS NOT NULL AND end_date < ${p('first')} AND lot_id IN ${lotIds} ${serviceFilter('service_id')}
    UNION SELECT person_id, service_id FROM ptris
      WHERE lot_id IN ${lotIds} AND activated_on > ${p('last')} AND activated_on <= ${p('yearEnd')} ${serviceFilter('service_id')}`;
  const counted = (
    byService: boolean,
  ) => sql`EXISTS (SELECT 1 FROM ptri_years y WHERE y.year = ${p('year')} AND y.lot_number = ${p('lotNumber')}
    AND y.person_id = r.person_id ${byService ? sql`AND y.service_id = r.service_id` : serviceFilter('y.service_id')})`;
  const inCare = (byService: boolean) => sql`EXISTS (SELECT 1 FROM ptris p WHERE p.person_id = r.person_id AND p.lot_id IN ${lotIds}
    ${byService ? sql`AND p.service_id = r.service_id` : serviceFilter('p.service_id')} AND ${inCareDuring(p('first'), p('last'))})`;
  const corrections = preparedSql<{ serviceId: number; users: number }>(
    db,
    `yearlyCorrections:${shape}`,
    () => sql`
    SELECT r.service_id AS serviceId, SUM(${inCare(true)}) - SUM(${counted(true)}) AS users
    FROM (SELECT DISTINCT person_id, service_id FROM (${recounted()})) r GROUP BY r.service_id`,
  ).all(values);
  const totalCorrection =
    preparedSql<{ users: number | null }>(
      db,
      `yearlyTotalCorrection:${shape}`,
      () => sql`
    SELECT SUM(${inCare(false)}) - SUM(${counted(false)}) AS users FROM (SELECT DISTINCT person_id FROM (${recounted()})) r`,
    ).get(values)?.users ?? 0;

  // The services with a correction come as a JSON array, so that their number does not change the statement.
  const stored = preparedSql<{ serviceId: number; serviceCode: string; serviceName: string; users: number }>(
    db,
    `yearlyStored:${shape}`,
    () => sql`
    SELECT s.id AS serviceId, s.code AS serviceCode, s.name AS serviceName, COALESCE(c.users, 0) AS users
    FROM services s LEFT JOIN yearly_service_users c ON c.service_id = s.id AND c.year = ${p('year')} AND c.lot_number = ${p('lotNumber')}
    WHERE (c.users > 0 OR s.id IN (SELECT value FROM json_each(${p('corrected')}))) ${serviceFilter('s.id')}
    ORDER BY s.name COLLATE NOCASE`,
  ).all({ ...values, corrected: JSON.stringify([0, ...corrections.map((r) => r.serviceId)]) });
  const correctionOf = new Map(corrections.map((r) => [r.serviceId, r.users]));
  const rows = stored.map((row) => ({ ...row, users: row.users + (correctionOf.get(row.serviceId) ?? 0) })).filter((row) => row.users > 0);
  if (serviceId !== null) return { rows, total: rows[0]?.users ?? 0 };
  const total = preparedSql<{ total: number }>(
    db,
    'yearlyLotTotal',
    () => sql`
    SELECT users AS total FROM yearly_lot_users WHERE year = ${p('year')} AND lot_number = ${p('lotNumber')}`,
  ).get(values);
  return { rows, total: (total?.total ?? 0) + totalCorrection };
}

/**
 * The flats `f` of a case manager's report: those where residents of service `serviceId` stayed on
 * some day of the period. One list, through the stays of the service, not a look at every flat's stays.
 */
export const flatsOfService = (serviceId: number | Placeholder, first: string | Placeholder, last: string | Placeholder) =>
  sql`f.id IN (SELECT s.flat_id FROM flat_stays s WHERE s.service_id = ${serviceId}
    AND s.from_date <= ${last} AND (s.to_date IS NULL OR s.to_date >= ${first}))`;

/** The report's flats as a prepared statement's shape: every flat, or those of the service in `serviceId`. */
const reportFlats = (serviceId: number | null) =>
  serviceId === null
    ? { shape: 'every', flats: sql`1` }
    : { shape: 'service', flats: flatsOfService(p('serviceId'), p('first'), p('last')) };

export type FlatPageRow = FlatFigures & { name: string; districtId: number; places: number };
type FlatWork = Pick<FlatFigures, 'flatMinutes' | 'flatAmountCents' | 'personalMinutes' | 'personalAmountCents'>;

/** Destinations in the order SQLite's json_group_object of the definition lists them. */
const EXIT_DESTINATIONS = [...LIVING_SITUATIONS].sort();

/**
 * flatFiguresOf (figures/definitions.ts) for a page of the report's flats: those after `afterId`
 * in id order, at most `limit` (-1: all), of every flat or of service `serviceId`. Three statements
 * prepared once: the page, then the stays and the months of work of its flats, each summed per
 * flat in one pass (ten correlated subqueries per flat cost three times as much on every tier).
 * The hours come from flat_month_work (migration 0161), the rows of the period's months: the
 * period runs from a month's first day to a month's last day or today, and no work is dated
 * after today, so the months hold exactly the period's work.
 */
export function flatFiguresPage(
  db: Queryable,
  days: { first: string; last: string },
  serviceId: number | null,
  afterId: number,
  limit: number,
): FlatPageRow[] {
  const { shape, flats } = reportFlats(serviceId);
  const values = { ...days, firstMonth: days.first.slice(0, 7), lastMonth: days.last.slice(0, 7), serviceId, afterId, limit };
  // Built only when a statement is first prepared.
  const perFlatOfPage = () => sql`${flats} AND f.id > ${p('afterId')} AND f.id <= ${p('lastId')} GROUP BY f.id`;
  const page = preparedSql<{ flatId: number; name: string; districtId: number; places: number; placeDaysAvailable: number }>(
    db,
    `flatFiguresPage:${shape}`,
    () => sql`
    SELECT f.id AS flatId, f.name AS name, f.district_id AS districtId, f.places AS places,
      ${placeDaysAvailable(p('first'), p('last'))} AS placeDaysAvailable
    FROM flats f WHERE ${flats} AND f.id > ${p('afterId')} ORDER BY f.id LIMIT ${p('limit')}`,
  ).all(values);
  if (page.length === 0) return [];
  const ofPage = { ...values, lastId: page.at(-1)!.flatId };
  const stays = preparedSql<Omit<FlatFigures, 'placeDaysAvailable' | 'exits' | keyof FlatWork> & Record<string, number>>(
    db,
    `flatFiguresPageStays:${shape}`,
    () => {
      const exited = stayExitedBy(p('last'));
      return sql`
    SELECT f.id AS flatId, SUM(${stayDaysWithin(p('first'), p('last'))}) AS placeDaysOccupied, SUM(s.from_date >= ${p('first')}) AS entries,
      SUM(${exited}) AS endedStays, SUM(CASE WHEN ${exited} THEN ${stayDays()} ELSE 0 END) AS endedStayDays,
      ${sql.join(
        EXIT_DESTINATIONS.map((d) => sql`SUM(${exited} AND s.destination = ${d}) AS ${sql.identifier(d)}`),
        sql`, `,
      )}
    FROM flats f JOIN flat_stays s ON ${staysDuring(p('first'), p('last'))} WHERE ${perFlatOfPage()}`;
    },
  ).all(ofPage);
  const work = preparedSql<FlatWork & { flatId: number }>(
    db,
    `flatFiguresPageWork:${shape}`,
    () => sql`
    SELECT f.id AS flatId, SUM(w.flat_minutes) AS flatMinutes, SUM(w.flat_amount_cents) AS flatAmountCents,
      SUM(w.personal_minutes) AS personalMinutes, SUM(w.personal_amount_cents) AS personalAmountCents
    FROM flats f JOIN flat_month_work w ON w.flat_id = f.id AND w.month BETWEEN ${p('firstMonth')} AND ${p('lastMonth')} WHERE ${perFlatOfPage()}`,
  ).all(ofPage);
  const staysOf = new Map(stays.map((row) => [row.flatId, row]));
  const workOf = new Map(work.map((row) => [row.flatId, row]));
  return page.map(({ flatId, name, districtId, places, placeDaysAvailable: available }) => {
    const s = staysOf.get(flatId);
    const w = workOf.get(flatId);
    const exits: Record<string, number> = {};
    if (s) for (const d of EXIT_DESTINATIONS) if (s[d]! > 0) exits[d] = s[d]!;
    return {
      flatId,
      name,
      districtId,
      places,
      placeDaysAvailable: available,
      placeDaysOccupied: s?.placeDaysOccupied ?? 0,
      entries: s?.entries ?? 0,
      exits,
      endedStays: s?.endedStays ?? 0,
      endedStayDays: s?.endedStayDays ?? 0,
      flatMinutes: w?.flatMinutes ?? 0,
      flatAmountCents: w?.flatAmountCents ?? 0,
      personalMinutes: w?.personalMinutes ?? 0,
      personalAmountCents: w?.personalAmountCents ?? 0,
    };
  });
}

/**
 * The hours of flatFiguresPage summed over the report's flats: the rows of a service's flats, or
 * for every flat the months of flat_work_months (migration 0180), whatever their number.
 */
export function flatWorkTotalsFromSummary(db: Queryable, days: { first: string; last: string }, serviceId: number | null) {
  const { shape, flats } = reportFlats(serviceId);
  const values = { ...days, firstMonth: days.first.slice(0, 7), lastMonth: days.last.slice(0, 7), serviceId };
  return preparedSql<FlatWork>(db, `flatWorkTotals:${shape}`, () => {
    const months = sql`w.month BETWEEN ${p('firstMonth')} AND ${p('lastMonth')}`;
    const rows =
      serviceId === null
        ? sql`flat_work_months w WHERE ${months}`
        : sql`flat_month_work w WHERE ${months} AND w.flat_id IN (SELECT f.id FROM flats f WHERE ${flats})`;
    return sql`
    SELECT COALESCE(SUM(w.flat_minutes), 0) AS flatMinutes, COALESCE(SUM(w.flat_amount_cents), 0) AS flatAmountCents,
      COALESCE(SUM(w.personal_minutes), 0) AS personalMinutes, COALESCE(SUM(w.personal_amount_cents), 0) AS personalAmountCents
    FROM ${rows}`;
  }).get(values)!;
}

/** How many flats the report has: every flat's from the summary (migration 0211), a service's counted. */
export function reportFlatCount(db: Queryable, days: { first: string; last: string }, serviceId: number | null): number {
  if (serviceId === null) return preparedSql<{ n: number }>(db, 'flatCount', () => sql`SELECT flats AS n FROM flat_count`).get()!.n;
  const { shape, flats } = reportFlats(serviceId);
  return preparedSql<{ n: number }>(db, `reportFlatCount:${shape}`, () => sql`SELECT COUNT(*) AS n FROM flats f WHERE ${flats}`).get({
    ...days,
    serviceId,
  })!.n;
}

/**
 * The place-days of all the flats over each span of days that have passed (flatPlaceDaysOf in
 * figures/definitions.ts over every flat), from flat_place_day_changes (migration 0162): a change
 * on day t counts for the days from t (or the span's first) to the span's last. The changes before
 * the month of the earliest span come summed from flat_place_month_changes (migration 0180): the
 * places when that month began, counted for every day of each span. The rows read are one per
 * earlier month and the changed days from that month on, whatever the number of flats.
 */
export function allFlatsPlaceDaysOf(db: Queryable, spans: { first: string; last: string }[]): { available: number; occupied: number }[] {
  if (spans.length === 0) return [];
  const end = spans.reduce((latest, span) => maxDate(latest, span.last), spans[0]!.last);
  const month = spans.reduce((earliest, span) => minDate(earliest, span.first), spans[0]!.first).slice(0, 7);
  const level = preparedSql<{ available: number; occupied: number }>(
    db,
    'allFlatsPlaceLevel',
    () => sql`
    SELECT COALESCE(SUM(available), 0) AS available, COALESCE(SUM(occupied), 0) AS occupied FROM flat_place_month_changes
    WHERE month < ${p('month')}`,
  ).get({ month })!;
  // Each change's day counted back from the latest end.
  const changes = preparedSql<{ before: number; available: number; occupied: number }>(
    db,
    'allFlatsPlaceChanges',
    () => sql`
    SELECT CAST(julianday(${p('end')}) - julianday(day) AS INTEGER) AS before, available, occupied FROM flat_place_day_changes
    WHERE day BETWEEN ${p('from')} AND ${p('end')} AND (available <> 0 OR occupied <> 0) ORDER BY day`,
  ).all({ end, from: `${month}-01` });
  const before = (day: string) => daysBetween(day, end);
  return spans.map(({ first, last }) => {
    const [fromFirst, fromLast] = [before(first), before(last)];
    const days = fromFirst - fromLast + 1;
    const sums = { available: level.available * days, occupied: level.occupied * days };
    for (const change of changes) {
      if (change.before < fromLast) break;
      const covered = Math.min(change.before, fromFirst) - fromLast + 1;
      sums.available += change.available * covered;
      sums.occupied += change.occupied * covered;
    }
    return sums;
  });
}

/**
 * flatStayTotalsOf (figures/definitions.ts) over every flat, from flat_stay_events (migration
 * 0181): a row per day and destination of the period, whatever the number of flats, and the stays
 * that end before they begin, which the summary leaves out, through their own partial index (named,
 * or the planner reads the period's stays through flat_stays_to_idx).
 */
export function allFlatsStayTotalsOf(db: Queryable, first: string, last: string): FlatStayTotals {
  const period = { first, last };
  const { entries } = preparedSql<{ entries: number }>(
    db,
    'allFlatsEntries',
    () => sql`
    SELECT (SELECT COALESCE(SUM(stays), 0) FROM flat_stay_events WHERE destination = '' AND day BETWEEN ${p('first')} AND ${p('last')})
      + (SELECT COUNT(*) FROM flat_stays s INDEXED BY flat_stays_reversed_idx
        WHERE s.to_date < s.from_date AND s.from_date BETWEEN ${p('first')} AND ${p('last')} AND s.to_date >= ${p('first')}) AS entries`,
  ).get(period)!;
  const ended = preparedSql<{ destination: string; n: number; days: number }>(
    db,
    'allFlatsExits',
    () => sql`
    SELECT destination, SUM(stays) AS n, SUM(stay_days) AS days FROM flat_stay_events
    WHERE destination IN (${sql.join(
      LIVING_SITUATIONS.map((d) => sql`${d}`),
      sql`, `,
    )}) AND day BETWEEN ${p('first')} AND ${p('last')} GROUP BY destination HAVING SUM(stays) <> 0
    UNION ALL
    SELECT s.destination, COUNT(*), 0 FROM flat_stays s INDEXED BY flat_stays_reversed_idx WHERE s.to_date < s.from_date AND s.from_date <= ${p('last')}
      AND s.to_date BETWEEN ${p('first')} AND ${p('last')} AND s.destination IS NOT NULL GROUP BY s.destination`,
  ).all(period);
  const exits: Record<string, number> = {};
  for (const e of ended) exits[e.destination] = (exits[e.destination] ?? 0) + e.n;
  return {
    entries,
    exits,
    endedStays: ended.reduce((n, e) => n + e.n, 0),
    endedStayDays: ended.reduce((n, e) => n + e.days, 0),
  };
}

/**
 * Active and suspended projects in `scope` whose review falls on or before `horizon`, from the
 * row after `after` in (review date, id) order: with days left counted
 * from `date` by SQLite (parsing two dates per row in JS cost more than the query itself).
 * `limit` is the rows read: one more than a page, to tell whether another follows.
 */
export function reviewsDuePage(
  db: Queryable,
  scope: RowScope,
  values: { date: string; horizon: string; after: (string | number)[] | null; serviceId: number | undefined; limit: number },
) {
  const { after, serviceId } = values;
  const key = `reviewsDuePage:${scope.key}:${after ? 'after' : 'first'}:${serviceId ? 'service' : 'all'}`;
  return preparedSql<{
    ptriId: number;
    personId: number;
    personName: string;
    serviceId: number;
    serviceName: string;
    status: string;
    nextReviewDate: string;
    daysLeft: number;
    expired: number;
  }>(db, key, () => {
    // The next page starts after the last row of the previous one, in the same (date, id) order.
    const where = sql`${ptris.nextReviewDate} <= ${p('horizon')}
    ${after ? sql`AND (${ptris.nextReviewDate}, ${ptris.id}) > (${p('afterDate')}, ${p('afterId')})` : sql``}
    ${serviceId ? sql`AND ${ptris.serviceId} = ${p('serviceId')}` : sql``} ${scope.ptris ? sql`AND ${scope.ptris}` : sql``}`;
    // Each status's first page read in the covering index's order (status, review date, id): with
    // both statuses in one range the planner would sort every due project to find the first ones.
    // The IN repeats the partial index's condition, which SQLite needs to see written to use it.
    const firstOf = (status: 'active' | 'suspended') => sql`SELECT * FROM (SELECT ${ptris.id} AS id, ${ptris.personId} AS person_id,
    ${ptris.serviceId} AS service_id, ${ptris.status} AS status, ${ptris.nextReviewDate} AS next_review_date, ${ptris.endDate} AS end_date
    FROM ${ptris} INDEXED BY ptris_reviews_due_idx WHERE ${ptris.status} IN ('active', 'suspended') AND ${ptris.status} = ${status}
    AND ${where} ORDER BY ${ptris.nextReviewDate}, ${ptris.id} LIMIT ${p('limit')})`;
    // The page is chosen on the covering review index first; only its rows are joined to names.
    return sql`
      SELECT due.id AS ptriId, p.id AS personId, p.family_name || ' ' || p.given_name AS personName, s.id AS serviceId, s.name AS serviceName,
        due.status AS status, due.next_review_date AS nextReviewDate,
        CAST(julianday(due.next_review_date) - julianday(${p('date')}) AS INTEGER) AS daysLeft, due.end_date < ${p('date')} AS expired
      FROM (${firstOf('active')} UNION ALL ${firstOf('suspended')} ORDER BY next_review_date, id LIMIT ${p('limit')}) due
      JOIN persons p ON p.id = due.person_id JOIN services s ON s.id = due.service_id
      ORDER BY due.next_review_date, due.id`;
  }).all({
    date: values.date,
    horizon: values.horizon,
    afterDate: after?.[0],
    afterId: after?.[1],
    serviceId,
    limit: values.limit,
  });
}

/**
 * Projects whose review is on or after `fromDate`, and after `afterDate`, and all of them, from
 * the review dates summary (migration 0014), for the services `policy` sees. The two spans read only the days left in a month, the months left in
 * a year and the years after; all of them reads year rows.
 */
export function reviewDateSums(db: Queryable, policy: AccessPolicy, serviceId: number | undefined, fromDate: string, afterDate: string) {
  const from = bucketsWithinPrepared('from', fromDate);
  const after = bucketsWithinPrepared('after', afterDate);
  // Refuses the roles that see no whole service, each request, before any cached statement.
  const visible = policy.services(reviewDates.serviceId);
  const key = `reviewDateSums:${policy.key}:${serviceId ? 'service' : 'all'}:${from.shape}:${after.shape}`;
  return preparedSql<{ all: number; fromDate: number; afterHorizon: number }>(db, key, () => {
    const counted = sql`${serviceId ? sql`AND ${reviewDates.serviceId} = ${p('serviceId')}` : sql``} ${visible ? sql`AND ${visible}` : sql``}`;
    const sum = (buckets: SQL) => sql`(SELECT COALESCE(SUM(${reviewDates.projects}), 0) FROM ${reviewDates} WHERE ${buckets} ${counted})`;
    return sql`
    SELECT ${sum(sql`${reviewDates.unit} = 'year'`)} AS "all", ${sum(from.condition(reviewDates))} AS fromDate,
      ${sum(after.condition(reviewDates))} AS afterHorizon`;
  }).get({ serviceId, ...from.params, ...after.params });
}

/**
 * The caseload per service on `date` (migration 0014): minus the changes on the days after it, a
 * few day, month and year rows per service however many projects there are, for the services
 * `policy` sees.
 */
export function caseloadRows(db: Queryable, policy: AccessPolicy, serviceId: number | undefined, date: string) {
  const after = bucketsWithinPrepared('after', addDays(date, 1));
  const visible = policy.services(changes.serviceId);
  const key = `caseloadRows:${policy.key}:${serviceId ? 'service' : 'all'}:${after.shape}`;
  return preparedSql<{
    serviceId: number;
    serviceCode: string;
    serviceName: string;
    projects: number;
    high: number;
    medium: number;
    low: number;
    overdue: number;
    due: number;
    expired: number;
    habitat: number;
    sociality: number;
    work: number;
  }>(
    db,
    key,
    () => sql`
      SELECT s.id AS serviceId, s.code AS serviceCode, s.name AS serviceName, -SUM(${changes.projects}) AS projects,
        -SUM(${changes.high}) AS high, -SUM(${changes.medium}) AS medium, -SUM(${changes.low}) AS low,
        -SUM(${changes.overdue}) AS overdue, -SUM(${changes.due}) AS due, -SUM(${changes.expired}) AS expired,
        -SUM(${changes.habitat}) AS habitat, -SUM(${changes.sociality}) AS sociality, -SUM(${changes.work}) AS work
      FROM ${changes} JOIN services s ON s.id = ${changes.serviceId}
      WHERE ${after.condition(changes)}
        ${serviceId ? sql`AND ${changes.serviceId} = ${p('serviceId')}` : sql``} ${visible ? sql`AND ${visible}` : sql``}
      GROUP BY s.id HAVING -SUM(${changes.projects}) > 0 ORDER BY s.name`,
  ).all({ serviceId, ...after.params });
}

/** Whose figures a lot total adds up: `scopeKey` names which of the two are set, for the statement's key. */
const scopeKey = (scope: ReportScope) =>
  `${scope.serviceId === null ? 'all' : 'service'}:${scope.cooperativeId === null ? 'all' : 'cooperative'}`;
const scopeFilter = (scope: ReportScope) =>
  sql`${scope.serviceId === null ? sql`` : sql`AND service_id = ${p('serviceId')}`} ${scope.cooperativeId === null ? sql`` : sql`AND cooperative_id = ${p('cooperativeId')}`}`;

/** Minutes, amounts and interventions per lot, cooperative and status: a year reads its own rows of lot_year_totals (kept by triggers on the months), a month its month's. */
export function lotMoneyRows(db: Queryable, period: string, scope: ReportScope) {
  const ofYear = period.length === 4;
  return preparedSql<{
    lotId: number;
    cooperativeId: number;
    validated: number;
    minutes: number;
    amountCents: number;
    interventions: number;
  }>(
    db,
    `lotMoneyRows:${ofYear ? 'year' : 'month'}:${scopeKey(scope)}`,
    () => sql`
    SELECT lot_id AS lotId, cooperative_id AS cooperativeId, (status = 'validated') AS validated,
      SUM(minutes) AS minutes, SUM(amount_cents) AS amountCents, SUM(interventions) AS interventions
    FROM ${ofYear ? sql`lot_year_totals WHERE year = ${p('period')}` : sql`lot_month_totals WHERE month = ${p('period')}`} ${scopeFilter(scope)}
    GROUP BY lot_id, cooperative_id, validated`,
  ).all({ period, ...scope });
}

/**
 * Distinct persons and projects of a period from the activity_counts summary (0 = all
 * cooperatives, or all services): per cooperative, or with `perLot` per lot across its cooperatives.
 */
export function lotPeopleRows(db: Queryable, period: string, scope: ReportScope, perLot: boolean) {
  return preparedSql<{ lotId: number; cooperativeId: number | null; persons: number; projects: number }>(
    db,
    `lotPeopleRows:${perLot ? 'lot' : 'cooperative'}:${scopeKey(scope)}`,
    () => sql`
    SELECT lot_id AS lotId, ${perLot ? sql`NULL` : sql`cooperative_id`} AS cooperativeId, users AS persons, projects FROM activity_counts
    WHERE period = ${p('period')} AND service_id = ${p('serviceOrAll')} AND ${perLot ? sql`cooperative_id = 0` : sql`cooperative_id <> 0`} AND users > 0
      ${scope.cooperativeId === null ? sql`` : sql`AND cooperative_id = ${p('cooperativeId')}`}`,
  ).all({ period, serviceOrAll: scope.serviceId ?? 0, cooperativeId: scope.cooperativeId });
}

export function lotsByNumber(db: Queryable) {
  return preparedSql<{
    id: number;
    number: number;
    title: string;
    hourlyRateCents: number | null;
    ceilingCents: number | null;
    tenderStart: string;
    tenderEnd: string;
  }>(
    db,
    'lotsByNumber',
    () =>
      sql`SELECT id, number, title, hourly_rate_cents AS hourlyRateCents, ceiling_cents AS ceilingCents,
        tender_start AS tenderStart, tender_end AS tenderEnd FROM lots ORDER BY number, tender_year`,
  ).all();
}

export function cooperativeNames(db: Queryable) {
  return preparedSql<{ id: number; name: string }>(db, 'cooperativeNames', () => sql`SELECT id, name FROM cooperatives`).all();
}
