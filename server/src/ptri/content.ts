// Checks and converts the content of a project (goals, budget, cooperatives) from API to rows.
//
// Goals and budget lines keep their row id across revisions: an edit sends the ids it keeps
// (updated in place), items without an id are added, and the project's items it does not name
// are removed (`saveGoals`/`saveBudgetLines` in queries.ts). An id that is not one of the
// project's is refused here, before anything is written.
import { AXES, centsOf, eurosOf, formatDate, hoursOf, minutesOf, type BudgetInput, type BudgetSource, type GoalInput } from '@bds/shared';
import type { Queryable } from '@bds/db';
import { Invalid } from '../errors.ts';
import { lotAssignable, lotById, lotMembers, serviceById } from '../reference/queries.ts';

export function goalRows(goals: GoalInput[]) {
  return goals.map((goal) => ({
    id: goal.id,
    axis: goal.axis,
    description: goal.description,
    targetDate: goal.targetDate ?? null,
    status: goal.status ?? 'open',
  }));
}

export function budgetRows(budget: BudgetInput) {
  return AXES.flatMap((axis) => {
    const entry = budget[axis];
    if (entry === undefined) return [];
    if (typeof entry === 'number') {
      return [
        {
          id: undefined,
          axis,
          source: 'ausl' as const,
          description: 'Risorse del lotto (cooperativa)',
          minutes: null,
          amountCents: centsOf(entry),
        },
      ];
    }
    return entry.map((line) => ({
      id: line.id,
      axis,
      source: line.source,
      description: line.description,
      minutes: line.hours == null ? null : minutesOf(line.hours),
      amountCents: line.amount == null ? null : centsOf(line.amount),
    }));
  });
}

export function toBudgetLine(row: {
  id: number;
  axis: (typeof AXES)[number];
  source: BudgetSource;
  description: string;
  minutes: number | null;
  amountCents: number | null;
}) {
  return {
    id: row.id,
    axis: row.axis,
    source: row.source,
    description: row.description,
    hours: row.minutes == null ? null : hoursOf(row.minutes),
    amount: row.amountCents == null ? null : eurosOf(row.amountCents),
  };
}

/** The ids an edit names, each with the body field an error about it belongs to. */
export type NamedIds = { id: number | undefined; path: string }[];

export const goalIdsNamed = (goals: GoalInput[], prefix: string): NamedIds =>
  goals.map((goal, index) => ({ id: goal.id, path: `${prefix}goals.${index}.id` }));

export const lineIdsNamed = (budget: BudgetInput, prefix: string): NamedIds =>
  AXES.flatMap((axis) => {
    const entry = budget[axis];
    return Array.isArray(entry) ? entry.map((line, index) => ({ id: line.id, path: `${prefix}budget.${axis}.${index}.id` })) : [];
  });

/** Every id named must be one of `owned` (the project's goals or lines), and named once. */
export function checkKeptIds(owned: readonly number[], named: NamedIds, what: string) {
  const available = new Set(owned);
  for (const { id, path } of named) {
    if (id === undefined) continue;
    if (!available.has(id)) throw new Invalid(path, `${what} ${id} non è di questo progetto o è indicato due volte`);
    available.delete(id);
  }
}

/**
 * The lot must serve the service's kind, every cooperative must be a member of the lot, and the
 * project must start within the lot's tender.
 */
export function checkLotAndCooperatives(
  db: Queryable,
  serviceId: number,
  lotId: number,
  cooperativeIds: number[],
  startDate: string,
  field = (name: string) => name,
) {
  const service = serviceById(db, serviceId);
  if (!service) throw new Invalid('serviceId', 'servizio inesistente');
  const lot = lotById(db, lotId);
  if (!lot) throw new Invalid('lotId', 'lotto inesistente');
  if (!lot.serviceKinds.includes(service.kind)) {
    throw new Invalid('lotId', `il lotto ${lot.number} non comprende i servizi di tipo ${service.kind}`);
  }
  if (startDate < lot.tenderStart) {
    throw new Invalid(
      field('startDate'),
      `precede l'inizio della gara del lotto ${lot.number} (${formatDate(lot.tenderStart)}): scegliere il lotto della gara precedente`,
    );
  }
  if (startDate > lot.tenderEnd) {
    throw new Invalid(
      field('startDate'),
      `segue la fine della gara del lotto ${lot.number} (${formatDate(lot.tenderEnd)}): scegliere il lotto della gara in corso`,
    );
  }
  const members = new Set(lotMembers(db, lotId));
  const assignable = lotAssignable(db, lotId);
  cooperativeIds.forEach((id, index) => {
    if (!members.has(id)) throw new Invalid(`cooperativeIds.${index}`, `la cooperativa ${id} non fa parte del lotto ${lot.number}`);
    if (!assignable.ids.includes(id))
      throw new Invalid(`cooperativeIds.${index}`, `la cooperativa ${id} non è una consorziata esecutrice del lotto ${lot.number}`);
  });
}
