// The budget lines of the projects in care in a year, summed per service, source and axis. The
// projects are found through indexes: the year's rows of ptri_years (activation to closure or
// planned end) and, through ptris_open_end_idx, the open projects past their planned end; then
// the one definition of "in care" (figures/definitions.ts) decides. CROSS JOIN fixes the join order
// (SQLite keeps it as written): from the year's projects to their lines, never the other way.
import { sql } from 'drizzle-orm';
import type { Queryable } from '@bds/db';
import type { Axis, BudgetSource } from '@bds/shared';
import { inCareDuring } from '../figures/definitions.ts';

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
  first: string;
  last: string;
  serviceId: number | null;
  districtId: number | null;
}

/** The budget lines of the projects in care in the filter's days, with their service and district. */
function linesInCare(f: CompositionFilter) {
  return sql`
    WITH candidates(id) AS (
      SELECT ptri_id FROM ptri_years WHERE year = ${f.year}
      -- Apart from the first part: its projects' years end at their planned end, these end before the year.
      UNION ALL
      SELECT id FROM ptris WHERE ended_on IS NULL AND activated_on IS NOT NULL AND end_date < ${f.first}
    )
    SELECT p.service_id AS serviceId, s.name AS serviceName, s.district_id AS districtId, d.name AS districtName,
      bl.ptri_id AS ptriId, bl.source AS source, bl.axis AS axis, bl.amount_cents AS amountCents, bl.minutes AS minutes
    FROM candidates c
    CROSS JOIN ptris p ON p.id = c.id
    CROSS JOIN budget_lines bl ON bl.ptri_id = p.id
    JOIN services s ON s.id = p.service_id
    JOIN districts d ON d.id = s.district_id
    WHERE ${inCareDuring(f.first, f.last)}
      ${f.serviceId === null ? sql`` : sql`AND p.service_id = ${f.serviceId}`}
      ${f.districtId === null ? sql`` : sql`AND s.district_id = ${f.districtId}`}`;
}

export function compositionCells(db: Queryable, f: CompositionFilter): CompositionCell[] {
  return db.all<CompositionCell>(sql`
    SELECT serviceId, serviceName, districtId, districtName, source, axis, COALESCE(SUM(amountCents), 0) AS amountCents,
      COALESCE(SUM(minutes), 0) AS minutes, COUNT(DISTINCT ptriId) AS projects
    FROM (${linesInCare(f)})
    GROUP BY serviceId, source, axis
    ORDER BY serviceId, source, axis`);
}

/** Projects with at least one budget line, per service. */
export function projectsPerService(db: Queryable, f: CompositionFilter): Map<number, number> {
  const rows = db.all<{ serviceId: number; projects: number }>(sql`
    SELECT serviceId, COUNT(DISTINCT ptriId) AS projects FROM (${linesInCare(f)}) GROUP BY serviceId`);
  return new Map(rows.map((row) => [row.serviceId, row.projects]));
}
