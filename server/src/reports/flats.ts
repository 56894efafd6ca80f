// The Lot 3 flats report: per flat, place-days available and occupied, entries, exits by
// destination, average stay, hours (the flat's own and its residents') and amount, for a year up
// to today; the figures are defined once in figures/definitions.ts.
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '@bds/db';
import type { CsvBatches } from './csv.ts';
import { daysInMonth, eurosOf, hoursOf, LIVING_SITUATION_LABELS, LIVING_SITUATIONS, type FlatsReport } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditedRead, auditRead } from '../audit/group-commit.ts';
import type { AuditEvent } from '../audit/record.ts';
import { policyOf } from '../access/policy.ts';
import { daysThroughToday, flatPlaceDaysOf, flatStayTotalsOf, type FlatStayTotals } from '../figures/definitions.ts';
import { decodeCursor, page } from '../pagination.ts';
import {
  allFlatsPlaceDaysOf,
  allFlatsStayTotalsOf,
  flatFiguresPage,
  flatsOfService,
  flatWorkTotalsFromSummary,
  reportFlatCount,
} from './queries.ts';

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

type Figures = FlatStayTotals & {
  placeDaysAvailable: number;
  placeDaysOccupied: number;
  flatMinutes: number;
  flatAmountCents: number;
  personalMinutes: number;
  personalAmountCents: number;
};

const NONE: Figures = {
  placeDaysAvailable: 0,
  placeDaysOccupied: 0,
  entries: 0,
  exits: {},
  endedStays: 0,
  endedStayDays: 0,
  flatMinutes: 0,
  flatAmountCents: 0,
  personalMinutes: 0,
  personalAmountCents: 0,
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
  /** Managers see every flat (null); a case manager the flats where their service's residents stayed in the year. */
  serviceId: number | null;
}

function scopeOf(actor: Actor, year: number): Scope {
  const { serviceId } = policyOf(actor.user).reports();
  return { year, days: daysThroughToday(`${year}-01-01`, `${year}-12-31`, actor.today), serviceId };
}

/** The report's flats after `afterId`, in id order, at most `limit` (-1: all of them). */
function flatRows(tx: Queryable, { days, serviceId }: Scope, afterId: number, limit: number): FlatsReport['rows'] {
  if (!days) return [];
  return flatFiguresPage(tx, days, serviceId, afterId, limit).map((f) => ({
    flatId: f.flatId,
    name: f.name,
    districtId: f.districtId,
    places: f.places,
    ...shown(f),
  }));
}

/** All the report's flats together: from the summaries and the stays' date indexes, not from the rows. */
function totalsOf(tx: Queryable, { days, serviceId }: Scope, year: number) {
  const spans = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).flatMap((month) => {
    const span = days && daysThroughToday(`${month}-01`, `${month}-${daysInMonth(month)}`, days.last);
    return span ? [{ month, ...span }] : [];
  });
  if (!days) return { months: [], totals: shown(NONE), total: 0 };
  const periods = [...spans, days];
  // Every flat's from the summaries; a case manager's few flats from their rows.
  const flats = serviceId === null ? null : flatsOfService(serviceId, days.first, days.last);
  const placeDays = flats ? periods.map((span) => flatPlaceDaysOf(tx, span.first, span.last, flats)) : allFlatsPlaceDaysOf(tx, periods);
  const months = spans.map((span, i) => ({
    month: span.month,
    placeDaysAvailable: placeDays[i]!.available,
    placeDaysOccupied: placeDays[i]!.occupied,
  }));
  const whole = placeDays.at(-1)!;
  const totals = shown({
    placeDaysAvailable: whole.available,
    placeDaysOccupied: whole.occupied,
    ...(flats
      ? flatStayTotalsOf(tx, days.first, days.last, sql`s.flat_id IN (SELECT f.id FROM flats f WHERE ${flats})`)
      : allFlatsStayTotalsOf(tx, days.first, days.last)),
    ...flatWorkTotalsFromSummary(tx, days, serviceId),
  });
  return { months, totals, total: reportFlatCount(tx, days, serviceId) };
}

const auditEvent = (actor: Actor, year: number): AuditEvent => ({
  action: 'read',
  entity: 'report_flats',
  changes: { year, ...policyOf(actor.user).reports() },
});

/** A page of the report's flats, in id order, with the totals and monthly series of them all. */
export async function flatsReport(db: Db, actor: Actor, year: number, limit = 100, cursor?: string): Promise<FlatsReport> {
  const after = decodeCursor(cursor, ['number']);
  const scope = scopeOf(actor, year);
  return auditedRead(db, actor, auditEvent(actor, year), () =>
    db.transaction((tx) => {
      const { items, nextCursor } = page(flatRows(tx, scope, Number(after?.[0] ?? 0), limit + 1), limit, (row) => [row.flatId]);
      return { year, throughDate: scope.days?.last ?? null, ...totalsOf(tx, scope, year), rows: items, nextCursor };
    }),
  );
}

const CSV_BATCH = 250;

/** Every flat of the report for its CSV, read a batch at a time while the file is written. */
export async function flatsCsvBatches(db: Db, actor: Actor, year: number): Promise<CsvBatches> {
  const scope = scopeOf(actor, year);
  await auditRead(db, actor, auditEvent(actor, year));
  return function* (from) {
    for (let after = 0; ;) {
      const rows = flatRows(from, scope, after, CSV_BATCH);
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
