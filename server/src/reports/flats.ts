// The Lot 3 flats report: per flat, place-days available and occupied, entries, exits by
// destination, average stay, hours (the flat's own and its residents') and amount, for a year up
// to today; the figures are defined once in figures/definitions.ts.
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '@bds/db';
import { daysInMonth, eurosOf, hoursOf, LIVING_SITUATION_LABELS, LIVING_SITUATIONS, type FlatsReport } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { policyOf } from '../access/policy.ts';
import { daysThroughToday, flatFiguresOf, flatPlaceDaysOf, flatStayTotalsOf, type FlatStayTotals } from '../figures/definitions.ts';
import { decodeCursor, page } from '../pagination.ts';
import { allFlatsPlaceDaysOf, allFlatsStayTotalsOf, flatWorkFromSummary, flatWorkTotalsFromSummary } from './queries.ts';

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

type Figures = FlatStayTotals & {
  placeDaysAvailable: number;
  placeDaysOccupied: number;
  flatMinutes: number;
  flatAmountCents: number;
  personalMinutes: number;
  personalAmountCents: number;
};

/** What the report shows of a flat's figures, or of all the flats' together. */
function shown(f: Figures) {
  return {
    placeDaysAvailable: f.placeDaysAvailable,
    placeDaysOccupied: f.placeDaysOccupied,
    occupancy: ratio(f.placeDaysOccupied, f.placeDaysAvailable),
    entries: f.entries,
    exits: f.exits,
    averageStayDays: f.endedStays ? Math.round((f.endedStayDays / f.endedStays) * 10) / 10 : null,
    flatHours: hoursOf(f.flatMinutes),
    personalHours: hoursOf(f.personalMinutes),
    hours: hoursOf(f.flatMinutes + f.personalMinutes),
    amount: eurosOf(f.flatAmountCents + f.personalAmountCents),
  };
}

interface Scope {
  year: number;
  days: { first: string; last: string } | null;
  /** The report's flats `f`; `every` when they are all the flats. */
  flats: SQL;
  every: boolean;
}

function scopeOf(actor: Actor, year: number): Scope {
  // Managers see every flat; a case manager the flats where their service's residents stayed in the year.
  const { serviceId } = policyOf(actor.user).reports();
  const days = daysThroughToday(`${year}-01-01`, `${year}-12-31`, actor.today);
  const flats =
    serviceId === null || !days
      ? sql`1`
      : // One list of their flats, through the stays of the service, not a look at every flat's stays.
        sql`f.id IN (SELECT s.flat_id FROM flat_stays s WHERE s.service_id = ${serviceId}
          AND s.from_date <= ${days.last} AND (s.to_date IS NULL OR s.to_date >= ${days.first}))`;
  return { year, days, flats, every: serviceId === null };
}

/** The report's flats after `afterId`, in id order, at most `limit` (-1: all of them). */
function flatRows(tx: Queryable, { days, flats }: Scope, afterId: number, limit: number): FlatsReport['rows'] {
  if (!days) return [];
  const condition = sql`${flats} AND f.id > ${afterId}`;
  const figures = flatFiguresOf(tx, days.first, days.last, condition, flatWorkFromSummary(days.first, days.last), limit);
  const ids = figures.map((f) => f.flatId);
  const names = new Map(
    tx
      .all<{ id: number; name: string; districtId: number; places: number }>(
        sql`SELECT f.id, f.name, f.district_id AS districtId, f.places FROM flats f WHERE f.id IN (${sql.join(ids.length ? ids : [0], sql`, `)})`,
      )
      .map((f) => [f.id, f]),
  );
  return figures.map((f) => {
    const { name, districtId, places } = names.get(f.flatId)!;
    return { flatId: f.flatId, name, districtId, places, ...shown(f) };
  });
}

/** All the report's flats together: from the summaries and the stays' date indexes, not from the rows. */
function totalsOf(tx: Queryable, { days, flats, every }: Scope, year: number) {
  const spans = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).flatMap((month) => {
    const span = days && daysThroughToday(`${month}-01`, `${month}-${daysInMonth(month)}`, days.last);
    return span ? [{ month, ...span }] : [];
  });
  const periods = days ? [...spans, days] : spans;
  // Every flat's from the summaries; a case manager's few flats from their rows.
  const placeDays = every ? allFlatsPlaceDaysOf(tx, periods) : periods.map((span) => flatPlaceDaysOf(tx, span.first, span.last, flats));
  const months = spans.map((span, i) => ({
    month: span.month,
    placeDaysAvailable: placeDays[i]!.available,
    placeDaysOccupied: placeDays[i]!.occupied,
  }));
  const whole = days ? placeDays.at(-1)! : { available: 0, occupied: 0 };
  const none = { entries: 0, exits: {}, endedStays: 0, endedStayDays: 0 };
  const stays = (span: { first: string; last: string }) =>
    every
      ? allFlatsStayTotalsOf(tx, span.first, span.last)
      : flatStayTotalsOf(tx, span.first, span.last, sql`s.flat_id IN (SELECT f.id FROM flats f WHERE ${flats})`);
  const work = { flatMinutes: 0, flatAmountCents: 0, personalMinutes: 0, personalAmountCents: 0 };
  const totals = shown({
    placeDaysAvailable: whole.available,
    placeDaysOccupied: whole.occupied,
    ...(days ? stays(days) : none),
    ...(days ? flatWorkTotalsFromSummary(tx, days.first, days.last, every ? null : flats) : work),
  });
  const total = days ? (tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM flats f WHERE ${flats}`)?.n ?? 0) : 0;
  return { months, totals, total };
}

const auditReport = (db: Db, actor: Actor, year: number) =>
  auditRead(db, actor, { action: 'read', entity: 'report_flats', changes: { year, ...policyOf(actor.user).reports() } });

/** A page of the report's flats, in id order, with the totals and monthly series of them all. */
export async function flatsReport(db: Db, actor: Actor, year: number, limit = 100, cursor?: string): Promise<FlatsReport> {
  const after = decodeCursor(cursor, ['number']);
  const scope = scopeOf(actor, year);
  const report = db.transaction((tx) => {
    const { items, nextCursor } = page(flatRows(tx, scope, Number(after?.[0] ?? 0), limit + 1), limit, (row) => [row.flatId]);
    return { year, throughDate: scope.days?.last ?? null, ...totalsOf(tx, scope, year), rows: items, nextCursor };
  });
  await auditReport(db, actor, year);
  return report;
}

const CSV_BATCH = 1000;

/** Every flat of the report for its CSV, read a batch at a time while the file is written. */
export async function flatsCsvBatches(db: Db, actor: Actor, year: number): Promise<() => Iterable<unknown[][]>> {
  const scope = scopeOf(actor, year);
  await auditReport(db, actor, year);
  return function* () {
    for (let after = 0; ;) {
      const rows = flatRows(db, scope, after, CSV_BATCH);
      yield flatsCsvRows(rows);
      if (rows.length < CSV_BATCH) return;
      after = rows.at(-1)!.flatId;
    }
  };
}

export const FLATS_CSV_HEADER = [
  'Appartamento',
  'Posti',
  'Giorni-posto disponibili',
  'Giorni-posto occupati',
  'Occupazione',
  'Ingressi',
  ...LIVING_SITUATIONS.map((d) => `Uscite: ${LIVING_SITUATION_LABELS[d]}`),
  'Durata media (giorni)',
  "Ore per l'appartamento",
  'Ore personali',
  'Ore',
  'Importo',
];

export function flatsCsvRows(rows: FlatsReport['rows']): unknown[][] {
  return rows.map((row) => [
    row.name,
    row.places,
    row.placeDaysAvailable,
    row.placeDaysOccupied,
    row.occupancy,
    row.entries,
    ...LIVING_SITUATIONS.map((d) => row.exits[d] ?? 0),
    row.averageStayDays,
    row.flatHours,
    row.personalHours,
    row.hours,
    row.amount,
  ]);
}
