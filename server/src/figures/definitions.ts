// The one definition of each figure the reports publish, written over the raw rows as plainly as
// SQL allows. The reports read summary tables kept by triggers; the property, reconciliation and
// benchmark tests check those summaries and the reports against these definitions.
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Queryable } from '@bds/db';
import {
  addDays,
  AXES,
  minDate,
  type Axis,
  type BudgetSource,
  type DepartmentPartKind,
  type GoalStatus,
  type LivingSituation,
  type OutcomesRow,
  type WorkSituation,
} from '@bds/shared';
import { departmentPartKey } from '../monthly-reports/parts.ts';

/**
 * The days of a period that have passed: from its first day to its last or to today, whichever
 * comes first; null when the period has not begun. No figure counts a day after today.
 */
export function daysThroughToday(first: string, last: string, today: string): { first: string; last: string } | null {
  return first > today ? null : { first, last: minDate(last, today) };
}

/**
 * A project is in care from the day it was activated to the day it was closed; one still open is
 * in care every day up to today, past its planned end too (it is then expired: to renew or close).
 * `p` is the project row; the days from `first` to `last` must not run past today.
 */
export const inCareDuring = (first: string | Placeholder, last: string | Placeholder) =>
  sql`p.activated_on IS NOT NULL AND p.activated_on <= ${last} AND (p.ended_on IS NULL OR p.ended_on >= ${first})`;

/**
 * A project open on a day: activated on or before it and not closed on or before it. The caseload
 * counts these, so that on today it holds exactly the active and suspended projects; a project in
 * care on its closing day (inCareDuring) is no longer open at its end.
 */
export const openOn = (day: string) =>
  sql`p.activated_on IS NOT NULL AND p.activated_on <= ${day} AND (p.ended_on IS NULL OR p.ended_on > ${day})`;

/** An open project past its planned end: expired, to renew or close. */
export const expiredOn = (day: string) => sql`p.end_date < ${day}`;

export interface UsersOfLot {
  perService: { serviceId: number; users: number }[];
  total: number;
}

/**
 * A user of a lot in a year (NR_UT): a distinct person with a project of a lot of that number in
 * care on at least one day of the year up to today. A person counts once in the lot's total even
 * when followed by two services.
 */
export function usersOfLotInYear(db: Queryable, year: number, lotNumber: number, today: string): UsersOfLot {
  const days = daysThroughToday(`${year}-01-01`, `${year}-12-31`, today);
  if (!days) return { perService: [], total: 0 };
  const projects = sql`ptris p JOIN lots l ON l.id = p.lot_id WHERE l.number = ${lotNumber} AND ${inCareDuring(days.first, days.last)}`;
  const perService = db.all<{ serviceId: number; users: number }>(sql`
    SELECT p.service_id AS serviceId, COUNT(DISTINCT p.person_id) AS users FROM ${projects} GROUP BY p.service_id ORDER BY p.service_id`);
  const total = db.get<{ users: number }>(sql`SELECT COUNT(DISTINCT p.person_id) AS users FROM ${projects}`)?.users ?? 0;
  return { perService, total };
}

export interface CompositionCell {
  serviceId: number;
  serviceName: string;
  districtId: number;
  districtName: string;
  source: BudgetSource;
  axis: Axis;
  amountCents: number;
  minutes: number;
  projects: number;
}

export interface CompositionFilter {
  year: number;
  /** The year's days up to today (daysThroughToday). */
  first: string;
  last: string;
  serviceId: number | null;
  districtId: number | null;
}

/**
 * The budget composition of a year: the budget lines of the projects in care on at least one of
 * its days up to today, summed per service, source and axis, with the projects that have such
 * lines; and per service the projects with any line. The report reads it from a summary
 * (budget-composition/queries.ts).
 */
export function budgetCompositionOf(
  db: Queryable,
  f: CompositionFilter,
): { cells: CompositionCell[]; projectsPerService: Map<number, number> } {
  const lines = sql`ptris p JOIN budget_lines bl ON bl.ptri_id = p.id JOIN services s ON s.id = p.service_id
    JOIN districts d ON d.id = s.district_id
    WHERE ${inCareDuring(f.first, f.last)}
      ${f.serviceId === null ? sql`` : sql`AND p.service_id = ${f.serviceId}`}
      ${f.districtId === null ? sql`` : sql`AND s.district_id = ${f.districtId}`}`;
  const cells = db.all<CompositionCell>(sql`
    SELECT p.service_id AS serviceId, s.name AS serviceName, s.district_id AS districtId, d.name AS districtName,
      bl.source AS source, bl.axis AS axis, COALESCE(SUM(bl.amount_cents), 0) AS amountCents,
      COALESCE(SUM(bl.minutes), 0) AS minutes, COUNT(DISTINCT bl.ptri_id) AS projects
    FROM ${lines}
    GROUP BY p.service_id, bl.source, bl.axis ORDER BY p.service_id, bl.source, bl.axis`);
  const perService = db.all<{ serviceId: number; projects: number }>(sql`
    SELECT p.service_id AS serviceId, COUNT(DISTINCT bl.ptri_id) AS projects FROM ${lines} GROUP BY p.service_id`);
  return { cells, projectsPerService: new Map(perService.map((row) => [row.serviceId, row.projects])) };
}

export interface ActiveProjects {
  serviceId: number;
  projects: number;
  high: number;
  medium: number;
  low: number;
  habitat: number;
  sociality: number;
  work: number;
  /** Review date before the day. */
  overdue: number;
  /** Review date from the day to 30 days after it. */
  due: number;
  /** In care past the planned end. */
  expired: number;
}

/** The active projects on a day (the caseload), per service: the projects open on that day, up to today. */
export function activeProjectsOn(db: Queryable, day: string): ActiveProjects[] {
  return db.all<ActiveProjects>(sql`
    SELECT p.service_id AS serviceId, COUNT(*) AS projects,
      SUM(p.intensity = 'high') AS high, SUM(p.intensity = 'medium') AS medium, SUM(p.intensity = 'low') AS low,
      SUM(p.open_goals_habitat) AS habitat, SUM(p.open_goals_sociality) AS sociality, SUM(p.open_goals_work) AS work,
      COALESCE(SUM(p.next_review_date < ${day}), 0) AS overdue,
      COALESCE(SUM(p.next_review_date BETWEEN ${day} AND ${addDays(day, 30)}), 0) AS due,
      SUM(${expiredOn(day)}) AS expired
    FROM ptris p WHERE ${openOn(day)}
    GROUP BY p.service_id ORDER BY p.service_id`);
}

export interface ReviewDue {
  ptriId: number;
  serviceId: number;
  nextReviewDate: string;
  /** The review date has passed. */
  overdue: boolean;
  /** In care past the planned end. */
  expired: boolean;
}

/**
 * A review due on a day: an open project (active or suspended) whose next UVM review date is on or
 * before the horizon, `within` days after the day; overdue when the date is before the day. Most
 * urgent first.
 */
export function reviewsDueOn(db: Queryable, day: string, within: number): ReviewDue[] {
  const rows = db.all<{ ptriId: number; serviceId: number; nextReviewDate: string; expired: number }>(sql`
    SELECT p.id AS ptriId, p.service_id AS serviceId, p.next_review_date AS nextReviewDate, ${expiredOn(day)} AS expired
    FROM ptris p WHERE p.status IN ('active', 'suspended') AND p.next_review_date <= ${addDays(day, within)}
    ORDER BY p.next_review_date, p.id`);
  return rows.map((r) => ({
    ptriId: r.ptriId,
    serviceId: r.serviceId,
    nextReviewDate: r.nextReviewDate,
    overdue: r.nextReviewDate < day,
    expired: r.expired === 1,
  }));
}

export interface HoursOfMonth {
  lotId: number;
  cooperativeId: number;
  /** The part of the month the hours belong to: a service's id, or a department-wide part's key (monthly-reports/parts.ts). */
  serviceId: number;
  /** The status of that part of the cooperative's month ('open' before it is submitted). */
  status: string;
  minutes: number;
  amountCents: number;
  interventions: number;
}

/**
 * Department-wide work billed to a lot (DEPARTMENT_PART_KINDS): per kind, its records as rows of
 * (lot_id, cooperative_id, month, minutes, amount_cents), one per record. A feature that bills
 * such work adds its table here, and counts each write with `addDepartmentWork`.
 */
export const DEPARTMENT_WORK: Partial<Record<DepartmentPartKind, SQL>> = {
  flats: sql`SELECT lot_id, cooperative_id, month, minutes, amount_cents FROM flat_interventions`,
  // A community session bills its hours × operators (Lot 4).
  community_activities: sql`SELECT lot_id, cooperative_id, month, billed_minutes AS minutes, amount_cents FROM community_sessions`,
};

/**
 * Hours of a month: the minutes (and amounts) of the work dated in it, per lot, cooperative, part
 * of the month and its status: the interventions in their services' parts, and the
 * department-wide work in its own parts.
 */
export function hoursOfMonth(db: Queryable, month: string): HoursOfMonth[] {
  const departmentWork = Object.entries(DEPARTMENT_WORK).map(
    ([kind, rows]) =>
      sql`UNION ALL SELECT w.lot_id, w.cooperative_id, w.month, ${departmentPartKey(kind as DepartmentPartKind)}, w.minutes, w.amount_cents
      FROM (${rows}) w WHERE w.month = ${month}`,
  );
  return db.all<HoursOfMonth>(sql`
    SELECT i.lot_id AS lotId, i.cooperative_id AS cooperativeId, i.part AS serviceId, COALESCE(r.status, 'open') AS status,
      SUM(i.minutes) AS minutes, SUM(i.amount_cents) AS amountCents, COUNT(*) AS interventions
    FROM (SELECT lot_id, cooperative_id, month, service_id AS part, minutes, amount_cents FROM interventions WHERE month = ${month}
      ${sql.join(departmentWork, sql` `)}) i
    LEFT JOIN monthly_report_parts r ON r.cooperative_id = i.cooperative_id AND r.month = i.month AND r.service_id = i.part
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
}

export interface PersonsWithInterventions {
  lotId: number;
  cooperativeId: number;
  serviceId: number;
  persons: number;
  projects: number;
}

/**
 * Persons (and projects) with interventions in a period, a month 'YYYY-MM' or a year 'YYYY': who
 * received at least one intervention dated in it, per lot, cooperative and service (0 = all).
 * A different quantity from the users of a lot: a person in care may receive none in a period.
 */
export function personsWithInterventions(db: Queryable, period: string): PersonsWithInterventions[] {
  const dated = period.length === 4 ? sql`substr(i.month, 1, 4) = ${period}` : sql`i.month = ${period}`;
  const distinct = sql`COUNT(DISTINCT p.person_id) AS persons, COUNT(DISTINCT p.id) AS projects FROM interventions i JOIN ptris p ON p.id = i.ptri_id WHERE ${dated}`;
  return db.all<PersonsWithInterventions>(sql`SELECT * FROM (
      SELECT i.lot_id AS lotId, i.cooperative_id AS cooperativeId, i.service_id AS serviceId, ${distinct} GROUP BY 1, 2, 3
      UNION ALL SELECT i.lot_id, i.cooperative_id, 0, ${distinct} GROUP BY 1, 2
      UNION ALL SELECT i.lot_id, 0, i.service_id, ${distinct} GROUP BY 1, 3
      UNION ALL SELECT i.lot_id, 0, 0, ${distinct} GROUP BY 1)
    ORDER BY 1, 2, 3`);
}

export interface FlatFigures {
  flatId: number;
  /** Places × the days the flat was open in the period. */
  placeDaysAvailable: number;
  /** The days of the period each stay covered, summed over the stays. */
  placeDaysOccupied: number;
  /** Stays that began in the period. */
  entries: number;
  /** Stays ended (with a destination) in the period, per destination. */
  exits: Record<string, number>;
  /** Of the stays ended in the period: their number and total days, entry to exit both counted. */
  endedStays: number;
  endedStayDays: number;
  /** Work for the flat as a whole, dated in the period. */
  flatMinutes: number;
  flatAmountCents: number;
  /** The residents' own interventions, dated in the period while they stayed in the flat. */
  personalMinutes: number;
  personalAmountCents: number;
}

/** Days from a to b, both counted, or 0 when b precedes a (SQL over 'YYYY-MM-DD' text). */
const daysSpanned = (a: SQL, b: SQL) => sql`max(0, CAST(julianday(${b}) - julianday(${a}) AS INTEGER) + 1)`;

/** The stays `s` of flat `f` that cover at least one day of the period. */
export const staysDuring = (first: string | Placeholder, last: string | Placeholder) =>
  sql`s.flat_id = f.id AND s.from_date <= ${last} AND (s.to_date IS NULL OR s.to_date >= ${first})`;
/** Flat `f`'s places × the days of the period it was open. */
export const placeDaysAvailable = (first: string | Placeholder, last: string | Placeholder) =>
  sql`f.places * ${daysSpanned(sql`max(${first}, f.opened_on)`, sql`min(${last}, COALESCE(f.closed_on, ${last}))`)}`;
/** The days of the period stay `s` covered. */
export const stayDaysWithin = (first: string | Placeholder, last: string | Placeholder) =>
  daysSpanned(sql`max(${first}, s.from_date)`, sql`min(${last}, COALESCE(s.to_date, ${last}))`);
/** Stay `s`'s days, entry to exit both counted. */
export const stayDays = () => daysSpanned(sql`s.from_date`, sql`s.to_date`);
/** Stay `s` ended, with a destination, by the period's last day: an exit. */
export const stayExitedBy = (last: string | Placeholder) => sql`s.destination IS NOT NULL AND s.to_date <= ${last}`;
/** The days of the period each stay of flat `f` covered, summed over its stays. */
const placeDaysOccupied = (first: string, last: string) =>
  sql`(SELECT COALESCE(SUM(${stayDaysWithin(first, last)}), 0) FROM flat_stays s WHERE ${staysDuring(first, last)})`;

/**
 * The place-days alone of the flats over a period, summed over the flats `flatsCondition` selects:
 * the monthly series of the flats report, which needs neither stays' exits nor hours.
 */
export function flatPlaceDaysOf(db: Queryable, first: string, last: string, flatsCondition: SQL): { available: number; occupied: number } {
  return (
    db.get<{ available: number; occupied: number }>(sql`
    SELECT COALESCE(SUM(${placeDaysAvailable(first, last)}), 0) AS available, COALESCE(SUM(${placeDaysOccupied(first, last)}), 0) AS occupied
    FROM flats f WHERE ${flatsCondition}`) ?? { available: 0, occupied: 0 }
  );
}

/**
 * The flats' hours over a period, from the raw rows: work for flat `f` as a whole dated in the
 * period, and its residents' interventions dated in the period while they stayed there (through
 * (ptri_id, date) for each stay).
 */
function flatWorkFromRows(first: string, last: string) {
  const residentsWork = sql`flat_stays s JOIN interventions i ON i.ptri_id = s.ptri_id
    AND i.date BETWEEN max(${first}, s.from_date) AND min(${last}, COALESCE(s.to_date, ${last})) WHERE ${staysDuring(first, last)}`;
  const flatWork = sql`flat_interventions w WHERE w.flat_id = f.id AND w.date BETWEEN ${first} AND ${last}`;
  return {
    flatMinutes: sql`(SELECT COALESCE(SUM(w.minutes), 0) FROM ${flatWork})`,
    flatAmountCents: sql`(SELECT COALESCE(SUM(w.amount_cents), 0) FROM ${flatWork})`,
    personalMinutes: sql`(SELECT COALESCE(SUM(i.minutes), 0) FROM ${residentsWork})`,
    personalAmountCents: sql`(SELECT COALESCE(SUM(i.amount_cents), 0) FROM ${residentsWork})`,
  };
}

/**
 * The Lot 3 flats' figures over a period of days that have passed (daysThroughToday): for the
 * flats `f` that `flatsCondition` selects, read flat by flat through the flat indexes of stays.
 */
export function flatFiguresOf(db: Queryable, first: string, last: string, flatsCondition: SQL): FlatFigures[] {
  const work = flatWorkFromRows(first, last);
  const stays = sql`flat_stays s WHERE ${staysDuring(first, last)}`;
  const rows = db.all<Omit<FlatFigures, 'exits'> & { exits: string | null }>(sql`
    SELECT f.id AS flatId,
      ${placeDaysAvailable(first, last)} AS placeDaysAvailable,
      ${placeDaysOccupied(first, last)} AS placeDaysOccupied,
      (SELECT COUNT(*) FROM ${stays} AND s.from_date >= ${first}) AS entries,
      (SELECT json_group_object(destination, n) FROM (SELECT s.destination, COUNT(*) AS n FROM ${stays}
        AND ${stayExitedBy(last)} GROUP BY s.destination)) AS exits,
      (SELECT COUNT(*) FROM ${stays} AND ${stayExitedBy(last)}) AS endedStays,
      (SELECT COALESCE(SUM(${stayDays()}), 0) FROM ${stays} AND ${stayExitedBy(last)}) AS endedStayDays,
      ${work.flatMinutes} AS flatMinutes,
      ${work.flatAmountCents} AS flatAmountCents,
      ${work.personalMinutes} AS personalMinutes,
      ${work.personalAmountCents} AS personalAmountCents
    FROM flats f WHERE ${flatsCondition} ORDER BY f.id`);
  return rows.map((row) => ({ ...row, exits: row.exits ? (JSON.parse(row.exits) as Record<string, number>) : {} }));
}

export type FlatStayTotals = Pick<FlatFigures, 'entries' | 'exits' | 'endedStays' | 'endedStayDays'>;

/**
 * flatFiguresOf's entries and exits summed over every flat, from the stays `staysCondition`
 * selects (alias `s`): read through the stays' date indexes, whatever the number of flats.
 */
export function flatStayTotalsOf(db: Queryable, first: string, last: string, staysCondition: SQL): FlatStayTotals {
  const during = sql`s.from_date <= ${last} AND (s.to_date IS NULL OR s.to_date >= ${first}) AND ${staysCondition}`;
  const entries = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM flat_stays s WHERE s.from_date >= ${first} AND ${during}`)?.n ?? 0;
  const ended = db.all<{ destination: string; n: number; days: number }>(sql`
    SELECT s.destination, COUNT(*) AS n, SUM(${stayDays()}) AS days FROM flat_stays s
    WHERE s.to_date BETWEEN ${first} AND ${last} AND s.destination IS NOT NULL AND ${during} GROUP BY s.destination`);
  return {
    entries,
    exits: Object.fromEntries(ended.map((e) => [e.destination, e.n])),
    endedStays: ended.reduce((n, e) => n + e.n, 0),
    endedStayDays: ended.reduce((n, e) => n + e.days, 0),
  };
}

export interface CommunityActivityFigures {
  activityId: number;
  sessions: number;
  /** Each session's minutes × its operators: what Lot 4 pays for. */
  billedMinutes: number;
  amountCents: number;
  /** Enrolled persons' presences at sessions: one per person per session. */
  attendances: number;
  /** Persons of Lot 4 (never NR_UT users): distinct persons with a project who attended at least one session. */
  persons: number;
  /** Participants without a named project, counted at each session, never identified. */
  otherParticipants: number;
  volunteers: number;
}

/**
 * Lot 4's figures of a year, per community activity, from the raw sessions and attendances up to
 * today (sessions cannot be dated later). Lot 4 has no individual projects: who it serves is
 * `persons` (with a project of any lot, attending) and `otherParticipants`, never `users`.
 * `personsOverall` counts a person once across every activity.
 */
export function communityActivitiesInYear(
  db: Queryable,
  year: number,
  today: string,
): { perActivity: CommunityActivityFigures[]; personsOverall: number } {
  const days = daysThroughToday(`${year}-01-01`, `${year}-12-31`, today);
  if (!days) return { perActivity: [], personsOverall: 0 };
  const inYear = sql`s.date BETWEEN ${days.first} AND ${days.last}`;
  const perActivity = db.all<CommunityActivityFigures>(sql`
    SELECT s.activity_id AS activityId, COUNT(*) AS sessions, SUM(s.minutes * s.operators) AS billedMinutes, SUM(s.amount_cents) AS amountCents,
      SUM((SELECT COUNT(*) FROM community_attendances t WHERE t.session_id = s.id)) AS attendances,
      (SELECT COUNT(DISTINCT t.person_id) FROM community_attendances t JOIN community_sessions s2 ON s2.id = t.session_id
        WHERE s2.activity_id = s.activity_id AND s2.date BETWEEN ${days.first} AND ${days.last}) AS persons,
      SUM(s.other_participants) AS otherParticipants, SUM(s.volunteers) AS volunteers
    FROM community_sessions s WHERE ${inYear}
    GROUP BY s.activity_id ORDER BY s.activity_id`);
  const personsOverall =
    db.get<{ n: number }>(sql`
    SELECT COUNT(DISTINCT t.person_id) AS n FROM community_attendances t JOIN community_sessions s ON s.id = t.session_id WHERE ${inYear}`)
      ?.n ?? 0;
  return { perActivity, personsOverall };
}

/** Which projects the outcomes report counts: the caller's scope and the report's filters, on `ptris` rows. */
export interface OutcomesFilter {
  visible: SQL | undefined;
  serviceId: number | undefined;
  lot: number | undefined;
}

export type OutcomesFigures = Omit<OutcomesRow, 'serviceName'>;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** Counts of (from, to) pairs, in the order they first appear. */
function transitionsOf<T extends string>(pairs: [T | null, T | null][]): { from: T; to: T; n: number }[] {
  const counts = new Map<string, { from: T; to: T; n: number }>();
  for (const [from, to] of pairs) {
    if (from === null || to === null) continue;
    const key = `${from}>${to}`;
    const found = counts.get(key);
    if (found) found.n += 1;
    else counts.set(key, { from, to, n: 1 });
  }
  return [...counts.values()];
}

export const GOAL_KEY: Record<GoalStatus, keyof OutcomesRow['goals']['habitat']> = {
  open: 'open',
  achieved: 'achieved',
  partly_achieved: 'partlyAchieved',
  not_achieved: 'notAchieved',
  not_assessed: 'notAssessed',
};

export const noGoals = (): OutcomesRow['goals'] =>
  Object.fromEntries(
    AXES.map((axis) => [axis, { achieved: 0, partlyAchieved: 0, notAchieved: 0, notAssessed: 0, open: 0 }]),
  ) as OutcomesRow['goals'];

interface EvaluatedProject {
  serviceId: number;
  firstHonos: number | null;
  latestHonos: number | null;
  firstLiving: LivingSituation | null;
  latestLiving: LivingSituation | null;
  firstWork: WorkSituation | null;
  latestWork: WorkSituation | null;
  honosEvaluations: number;
  livingEvaluations: number;
  workEvaluations: number;
  daysSubmissionToActive: number | null;
  daysDraftToActive: number | null;
}

/**
 * The outcomes of a year per responsible service, from the raw rows: the projects with an
 * evaluation dated in the year (listed in the order of their first one), the first and the latest
 * value up to the year's end of what an evaluation may record (HoNOS total, living and work
 * situation; a change needs two evaluations recording it), their goals as they stand, the days
 * from submission and from the draft's creation to activation of those activated in the year,
 * and the contacts after closure dated in the year. The report reads the counters of migration
 * 0150 instead; the property tests hold the two equal.
 */
export function outcomesInYear(db: Queryable, year: number, filter: OutcomesFilter): OutcomesFigures[] {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const parts = [sql`1`];
  if (filter.visible) parts.push(filter.visible);
  if (filter.serviceId) parts.push(sql`ptris.service_id = ${filter.serviceId}`);
  if (filter.lot) parts.push(sql`ptris.lot_id IN (SELECT id FROM lots WHERE number = ${filter.lot})`);
  const counted = sql.join(parts, sql` AND `);
  const evaluated = sql`(SELECT ptri_id, MIN(date) AS first_date FROM evaluations WHERE date BETWEEN ${from} AND ${to} GROUP BY ptri_id) AS evaluated`;
  const recorded = (name: string, order: 'ASC' | 'DESC') => {
    const column = sql.identifier(name);
    const direction = sql.raw(order);
    return sql`(SELECT e.${column} FROM evaluations e WHERE e.ptri_id = ptris.id AND e.date <= ${to} AND e.${column} IS NOT NULL
      ORDER BY e.date ${direction}, e.id ${direction} LIMIT 1)`;
  };
  const recordings = (name: string) =>
    sql`(SELECT COUNT(*) FROM evaluations e WHERE e.ptri_id = ptris.id AND e.date <= ${to} AND e.${sql.identifier(name)} IS NOT NULL)`;
  const projects = db.all<EvaluatedProject>(sql`
    SELECT ptris.service_id AS serviceId,
      ${recorded('honos_total', 'ASC')} AS firstHonos, ${recorded('honos_total', 'DESC')} AS latestHonos, ${recordings('honos_total')} AS honosEvaluations,
      ${recorded('living', 'ASC')} AS firstLiving, ${recorded('living', 'DESC')} AS latestLiving, ${recordings('living')} AS livingEvaluations,
      ${recorded('work', 'ASC')} AS firstWork, ${recorded('work', 'DESC')} AS latestWork, ${recordings('work')} AS workEvaluations,
      CASE WHEN ptris.activated_on BETWEEN ${from} AND ${to} THEN
        CAST(julianday(ptris.activated_on) - julianday((SELECT t.effective_date FROM ptri_transitions t
          WHERE t.ptri_id = ptris.id AND t.to_status = 'submitted' AND t.effective_date <= ptris.activated_on ORDER BY t.id DESC LIMIT 1)) AS INTEGER)
      END AS daysSubmissionToActive,
      CASE WHEN ptris.activated_on BETWEEN ${from} AND ${to} THEN
        CAST(julianday(ptris.activated_on) - julianday(substr(ptris.created_at, 1, 10)) AS INTEGER)
      END AS daysDraftToActive
    FROM ${evaluated} JOIN ptris ON ptris.id = evaluated.ptri_id
    WHERE ${counted} ORDER BY evaluated.first_date, ptris.id`);
  const goals = db.all<{ serviceId: number; axis: Axis; status: GoalStatus; n: number }>(sql`
    SELECT ptris.service_id AS serviceId, g.axis AS axis, g.status AS status, COUNT(*) AS n
    FROM ${evaluated} JOIN ptris ON ptris.id = evaluated.ptri_id JOIN goals g ON g.ptri_id = ptris.id
    WHERE ${counted} GROUP BY ptris.service_id, g.axis, g.status`);
  const followUps = db.all<{ serviceId: number; n: number }>(sql`
    SELECT ptris.service_id AS serviceId, COUNT(*) AS n FROM follow_ups fu JOIN ptris ON ptris.id = fu.ptri_id
    WHERE fu.date BETWEEN ${from} AND ${to} AND ${counted} GROUP BY ptris.service_id`);
  const serviceIds = [...new Set([...projects.map((p) => p.serviceId), ...followUps.map((f) => f.serviceId)])];
  return serviceIds.map((serviceId) => {
    const mine = projects.filter((p) => p.serviceId === serviceId);
    const changes = mine.filter((p) => p.honosEvaluations >= 2).map((p) => p.latestHonos! - p.firstHonos!);
    const goalCounts = noGoals();
    for (const g of goals) if (g.serviceId === serviceId) goalCounts[g.axis][GOAL_KEY[g.status]] += g.n;
    return {
      serviceId,
      evaluated: mine.length,
      honos: {
        pairs: changes.length,
        meanChange: round1(changes.length ? changes.reduce((a, b) => a + b, 0) / changes.length : null),
        medianChange: median(changes),
      },
      goals: goalCounts,
      living: transitionsOf(mine.filter((p) => p.livingEvaluations >= 2).map((p) => [p.firstLiving, p.latestLiving])),
      work: transitionsOf(mine.filter((p) => p.workEvaluations >= 2).map((p) => [p.firstWork, p.latestWork])),
      medianDaysSubmissionToActive: median(mine.flatMap((p) => (p.daysSubmissionToActive === null ? [] : [p.daysSubmissionToActive]))),
      medianDaysDraftToActive: median(mine.flatMap((p) => (p.daysDraftToActive === null ? [] : [p.daysDraftToActive]))),
      followUps: followUps.find((f) => f.serviceId === serviceId)?.n ?? 0,
    };
  });
}
