// The Lot 3 flats report: per flat, place-days available and occupied, entries, exits by
// destination, average stay, hours (the flat's own and its residents') and amount, for a year up
// to today; the figures are defined once in figures/definitions.ts.
import { sql } from 'drizzle-orm';
import type { Db } from '@bds/db';
import { daysInMonth, eurosOf, hoursOf, LIVING_SITUATION_LABELS, LIVING_SITUATIONS, type FlatsReport } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { policyOf } from '../access/policy.ts';
import { daysThroughToday, flatFiguresOf, flatPlaceDaysOf } from '../figures/definitions.ts';
import { allFlatsPlaceDaysOf, flatWorkFromSummary } from './queries.ts';

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

export async function flatsReport(db: Db, actor: Actor, year: number): Promise<FlatsReport> {
  // Managers see every flat; a case manager the flats where their service's residents stayed in the year.
  const scope = policyOf(actor.user).reports();
  const days = daysThroughToday(`${year}-01-01`, `${year}-12-31`, actor.today);
  const report = db.transaction((tx) => {
    if (!days) return { year, throughDate: null, months: [], rows: [] };
    const flats =
      scope.serviceId === null
        ? sql`1`
        : sql`EXISTS (SELECT 1 FROM flat_stays s WHERE s.flat_id = f.id AND s.service_id = ${scope.serviceId}
            AND s.from_date <= ${days.last} AND (s.to_date IS NULL OR s.to_date >= ${days.first}))`;
    const names = new Map(
      tx
        .all<{ id: number; name: string; districtId: number; places: number }>(
          sql`SELECT f.id, f.name, f.district_id AS districtId, f.places FROM flats f WHERE ${flats}`,
        )
        .map((f) => [f.id, f]),
    );
    const rows = flatFiguresOf(tx, days.first, days.last, flats, flatWorkFromSummary(days.first, days.last)).map((f) => {
      const flat = names.get(f.flatId)!;
      return {
        flatId: f.flatId,
        name: flat.name,
        districtId: flat.districtId,
        places: flat.places,
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
    });
    const spans = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).flatMap((month) => {
      const span = daysThroughToday(`${month}-01`, `${month}-${daysInMonth(month)}`, actor.today);
      return span ? [{ month, ...span }] : [];
    });
    // Every flat's from the summary; a case manager's few flats from their rows.
    const placeDays =
      scope.serviceId === null ? allFlatsPlaceDaysOf(tx, spans) : spans.map((span) => flatPlaceDaysOf(tx, span.first, span.last, flats));
    const months = spans.map((span, i) => ({
      month: span.month,
      placeDaysAvailable: placeDays[i]!.available,
      placeDaysOccupied: placeDays[i]!.occupied,
    }));
    return { year, throughDate: days.last, months, rows };
  });
  await auditRead(db, actor, { action: 'read', entity: 'report_flats', changes: { year, ...scope } });
  return report;
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

export function flatsCsvRows(report: FlatsReport): unknown[][] {
  return report.rows.map((row) => [
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
