// The budget lines of the projects in care in a year, summed per service, source and axis, read
// from budget_composition_changes (migration 0160: each project's lines added in its activation
// year, taken off the year after its closure) up to the year: a few rows per service, source and
// axis whatever the number of projects. The current year counts only up to today: the projects
// activated later in it are in its rows but not yet in care, so their own rows are taken off,
// found through ptris_lot_period_idx (lot, activation date). The plain definition over every
// project is budgetCompositionOf in figures/definitions.ts; the property tests hold them equal.
import { sql } from 'drizzle-orm';
import type { Queryable } from '@bds/db';
import type { Axis, BudgetSource } from '@bds/shared';
import type { CompositionCell, CompositionFilter } from '../figures/definitions.ts';
import { preparedSql } from '../prepared.ts';

const p = sql.placeholder;

export type { CompositionCell, CompositionFilter };

export interface Composition {
  cells: CompositionCell[];
  /** Projects with at least one budget line, per service. */
  projectsPerService: Map<number, number>;
}

type CompositionRow = Omit<CompositionCell, 'source' | 'axis'> & { source: BudgetSource | ''; axis: Axis | '' };

export function compositionOf(db: Queryable, f: CompositionFilter): Composition {
  const key = `compositionOf:${f.serviceId === null ? 'all' : 'service'}:${f.districtId === null ? 'all' : 'district'}`;
  const rows = preparedSql<CompositionRow>(
    db,
    key,
    () => sql`
    SELECT c.service_id AS serviceId, s.name AS serviceName, s.district_id AS districtId, d.name AS districtName,
      c.source AS source, c.axis AS axis, SUM(c.amount_cents) AS amountCents, SUM(c.minutes) AS minutes, SUM(c.projects) AS projects
    FROM (
      SELECT service_id, source, axis, amount_cents, minutes, projects FROM budget_composition_changes WHERE year <= ${p('year')}
      UNION ALL
      SELECT service_id, source, axis, -amount_cents, -minutes, -projects FROM ptri_budget_composition_changes
      WHERE year = ${p('year')} AND ptri_id IN (SELECT id FROM ptris
        WHERE lot_id IN (SELECT id FROM lots) AND activated_on > ${p('last')} AND activated_on <= ${p('yearEnd')})
    ) c
    JOIN services s ON s.id = c.service_id
    JOIN districts d ON d.id = s.district_id
    WHERE true
      ${f.serviceId === null ? sql`` : sql`AND c.service_id = ${p('serviceId')}`}
      ${f.districtId === null ? sql`` : sql`AND s.district_id = ${p('districtId')}`}
    GROUP BY c.service_id, c.source, c.axis
    HAVING SUM(c.projects) > 0
    ORDER BY c.service_id, c.source, c.axis`,
  ).all({ year: f.year, last: f.last, yearEnd: `${f.year}-12-31`, serviceId: f.serviceId, districtId: f.districtId });
  const cells: CompositionCell[] = [];
  const projectsPerService = new Map<number, number>();
  for (const row of rows) {
    // The '' row of a service counts its projects with any line.
    if (row.source === '' || row.axis === '') projectsPerService.set(row.serviceId, row.projects);
    else cells.push({ ...row, source: row.source, axis: row.axis });
  }
  return { cells, projectsPerService };
}
