// The flats' summaries as stored, and recomputed from the raw rows: the work per flat and month
// (migration 0161) from the flat-level work and the residents' interventions within their stays,
// and the place-day changes (migration 0162) from the flats and stays; their sums per month
// (migration 0180) from those recomputations; the stays' entries and exits per day (migration 0181); the
// report's pages beside the definition. The property tests and the benchmark generator's test hold them equal.
import { sql } from 'drizzle-orm';
import type { Db } from '@bds/db';
import { flatFiguresOf, type FlatFigures } from '@bds/server/figures/definitions.ts';
import { flatFiguresPage, flatsOfService } from '@bds/server/reports/queries.ts';

const NOT_ZERO = 'flat_minutes <> 0 OR flat_amount_cents <> 0 OR personal_minutes <> 0 OR personal_amount_cents <> 0';

export const storedFlatWork = (db: Db) =>
  db.$client
    .prepare(
      `SELECT flat_id, month, flat_minutes, flat_amount_cents, personal_minutes, personal_amount_cents FROM flat_month_work
       WHERE ${NOT_ZERO} ORDER BY 1, 2`,
    )
    .all();

export const recomputedFlatWork = (db: Db) =>
  db.$client
    .prepare(
      `SELECT * FROM (
         SELECT flat_id, month, SUM(flat_minutes) AS flat_minutes, SUM(flat_amount_cents) AS flat_amount_cents,
           SUM(personal_minutes) AS personal_minutes, SUM(personal_amount_cents) AS personal_amount_cents FROM (
           SELECT flat_id, substr(date, 1, 7) AS month, minutes AS flat_minutes, amount_cents AS flat_amount_cents,
             0 AS personal_minutes, 0 AS personal_amount_cents FROM flat_interventions
           UNION ALL
           SELECT s.flat_id, substr(i.date, 1, 7), 0, 0, i.minutes, i.amount_cents
           FROM flat_stays s JOIN interventions i ON i.ptri_id = s.ptri_id AND i.date >= s.from_date AND (s.to_date IS NULL OR i.date <= s.to_date))
         GROUP BY 1, 2)
       WHERE ${NOT_ZERO} ORDER BY 1, 2`,
    )
    .all();

export const storedPlaceDayChanges = (db: Db) =>
  db.$client
    .prepare('SELECT day, available, occupied FROM flat_place_day_changes WHERE available <> 0 OR occupied <> 0 ORDER BY day')
    .all();

export const recomputedPlaceDayChanges = (db: Db) =>
  db.$client
    .prepare(
      `SELECT * FROM (SELECT day, SUM(available) AS available, SUM(occupied) AS occupied FROM flat_place_day_deltas GROUP BY day)
       WHERE available <> 0 OR occupied <> 0 ORDER BY day`,
    )
    .all();

/** Rows summed per month ('YYYY-MM' of `key`) over the numeric columns, without the months that sum to zero, in month order. */
function perMonth(rows: unknown[], key: string, columns: readonly string[]) {
  const months = new Map<string, Record<string, number | string>>();
  for (const row of rows as Record<string, number | string>[]) {
    const month = String(row[key]).slice(0, 7);
    const sums = months.get(month) ?? Object.fromEntries([['month', month], ...columns.map((c) => [c, 0])]);
    for (const c of columns) sums[c] = Number(sums[c]) + Number(row[c]);
    months.set(month, sums);
  }
  return [...months.values()]
    .filter((sums) => columns.some((c) => sums[c] !== 0))
    .sort((a, b) => String(a.month).localeCompare(String(b.month)));
}

const WORK_COLUMNS = ['flat_minutes', 'flat_amount_cents', 'personal_minutes', 'personal_amount_cents'] as const;
const PLACE_COLUMNS = ['available', 'occupied'] as const;

export const storedFlatWorkMonths = (db: Db) =>
  db.$client.prepare(`SELECT month, ${WORK_COLUMNS.join(', ')} FROM flat_work_months WHERE ${NOT_ZERO} ORDER BY month`).all();

export const recomputedFlatWorkMonths = (db: Db) => perMonth(recomputedFlatWork(db), 'month', WORK_COLUMNS);

export const storedPlaceMonthChanges = (db: Db) =>
  db.$client
    .prepare('SELECT month, available, occupied FROM flat_place_month_changes WHERE available <> 0 OR occupied <> 0 ORDER BY month')
    .all();

export const recomputedPlaceMonthChanges = (db: Db) => perMonth(recomputedPlaceDayChanges(db), 'day', PLACE_COLUMNS);

export const storedStayEvents = (db: Db) =>
  db.$client
    .prepare('SELECT destination, day, stays, stay_days FROM flat_stay_events WHERE stays <> 0 OR stay_days <> 0 ORDER BY 1, 2')
    .all();

export const recomputedStayEvents = (db: Db) =>
  db.$client
    .prepare(
      `SELECT * FROM (SELECT destination, day, SUM(stays) AS stays, SUM(stay_days) AS stay_days FROM flat_stay_event_deltas GROUP BY 1, 2)
       WHERE stays <> 0 OR stay_days <> 0 ORDER BY 1, 2`,
    )
    .all();

/**
 * The report's page statements (flatFiguresPage) read page by page, `pageSize` flats at a time,
 * beside the definition over the raw rows, for every flat and for each service with stays: the
 * page's names aside, the two must be equal.
 */
export function reportPagesBesideDefinition(db: Db, days: { first: string; last: string }, pageSize: number) {
  const read = (serviceId: number | null) => {
    const figures: FlatFigures[] = [];
    for (let after = 0; ;) {
      const page = flatFiguresPage(db, days, serviceId, after, pageSize);
      figures.push(...page.map(({ name: _name, districtId: _district, places: _places, ...flat }) => flat));
      if (page.length < pageSize) return figures;
      after = page.at(-1)!.flatId;
    }
  };
  const services = db.$client.prepare('SELECT DISTINCT service_id AS id FROM flat_stays ORDER BY 1').all() as { id: number }[];
  return [null, ...services.map((s) => s.id)].map((serviceId) => ({
    read: read(serviceId),
    defined: flatFiguresOf(db, days.first, days.last, serviceId === null ? sql`1` : flatsOfService(serviceId, days.first, days.last)),
  }));
}
