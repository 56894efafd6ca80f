// Who brings what into the Budget di Salute: per source and axis the euros, hours and projects
// of the projects in care in a year, and the share not paid by the AUSL overall, per service and
// per district. A case manager sees their own service's.
import type { Db } from '@bds/db';
import {
  AXES,
  AXIS_LABELS,
  BUDGET_SOURCE_LABELS,
  BUDGET_SOURCES,
  eurosOf,
  hoursOf,
  nonAuslShare,
  type BudgetComposition,
} from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditedRead } from '../audit/group-commit.ts';
import type { AuditEvent } from '../audit/record.ts';
import { Forbidden } from '../errors.ts';
import { policyOf } from '../access/policy.ts';
import { daysThroughToday } from '../figures/definitions.ts';
import { compositionOf, type CompositionCell } from './queries.ts';

function shareOf(cells: CompositionCell[]) {
  return { nonAuslShare: nonAuslShare(cells), amount: eurosOf(cells.reduce((sum, cell) => sum + cell.amountCents, 0)) };
}

export async function budgetComposition(
  db: Db,
  actor: Actor,
  year: number,
  serviceId: number | undefined,
  districtId: number | undefined,
): Promise<BudgetComposition> {
  const scope = policyOf(actor.user).reports();
  if (scope.serviceId !== null && serviceId !== undefined && serviceId !== scope.serviceId)
    throw new Forbidden('Puoi vedere solo la composizione del budget del tuo servizio');
  const days = daysThroughToday(`${year}-01-01`, `${year}-12-31`, actor.today);
  const filter = days
    ? { year, first: days.first, last: days.last, serviceId: scope.serviceId ?? serviceId ?? null, districtId: districtId ?? null }
    : null;
  const event: AuditEvent = {
    action: 'read',
    entity: 'report_budget_composition',
    changes: { year, serviceId: serviceId ?? null, districtId: districtId ?? null },
  };
  return auditedRead(db, actor, event, () => {
    const { cells, projectsPerService: projects } = filter
      ? compositionOf(db, filter)
      : { cells: [], projectsPerService: new Map<number, number>() };
    return { year, throughDate: days?.last ?? null, ...compose(cells, projects) };
  });
}

/** The report's rows and shares from the cells of its services, sources and axes. */
function compose(cells: CompositionCell[], projects: Map<number, number>): Omit<BudgetComposition, 'year' | 'throughDate'> {
  const rows = BUDGET_SOURCES.flatMap((source) =>
    AXES.flatMap((axis) => {
      const matching = cells.filter((cell) => cell.source === source && cell.axis === axis);
      if (matching.length === 0) return [];
      return [
        {
          source,
          axis,
          amount: eurosOf(matching.reduce((sum, cell) => sum + cell.amountCents, 0)),
          hours: hoursOf(matching.reduce((sum, cell) => sum + cell.minutes, 0)),
          projects: matching.reduce((sum, cell) => sum + cell.projects, 0),
        },
      ];
    }),
  );
  const group = <K extends 'serviceId' | 'districtId'>(key: K) => {
    const groups = new Map<number, CompositionCell[]>();
    for (const cell of cells) groups.set(cell[key], [...(groups.get(cell[key]) ?? []), cell]);
    return [...groups.entries()];
  };
  const byService = group('serviceId').map(([id, list]) => ({
    serviceId: id,
    serviceName: list[0]!.serviceName,
    ...shareOf(list),
    projects: projects.get(id) ?? 0,
  }));
  const byDistrict = group('districtId').map(([id, list]) => ({
    districtId: id,
    districtName: list[0]!.districtName,
    ...shareOf(list),
    // Each project has one service, so its services' counts add up.
    projects: byService.filter((s) => list.some((cell) => cell.serviceId === s.serviceId)).reduce((sum, s) => sum + s.projects, 0),
  }));
  return { rows, nonAuslShare: nonAuslShare(cells), byService, byDistrict };
}

export const BUDGET_COMPOSITION_CSV_HEADER = ['Fonte', 'Asse', 'Importo €', 'Ore', 'Progetti'];

export function budgetCompositionCsvRows(report: BudgetComposition): (string | number)[][] {
  return report.rows.map((row) => [BUDGET_SOURCE_LABELS[row.source], AXIS_LABELS[row.axis], row.amount, row.hours, row.projects]);
}
