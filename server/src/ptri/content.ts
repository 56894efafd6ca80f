// Checks and converts the content of a project (goals, budget, cooperatives) from API to rows.
//
// Goals and budget lines keep their row id across revisions: an edit sends the ids it keeps
// (updated in place), items without an id are added, and the project's items it does not name
// are removed (`saveGoals`/`saveBudgetLines` in queries.ts). An id that is not one of the
// project's is refused here, before anything is written.
import {
  AXES,
  centsOf,
  confirmationAfterSave,
  eurosOf,
  formatDate,
  hoursOf,
  minutesOf,
  type BudgetInput,
  type BudgetSource,
  type GoalInput,
  type LineConfirmation,
} from '@bds/shared';
import type { Queryable } from '@bds/db';
import { Invalid } from '../errors.ts';
import { lotAssignable, lotById, lotMembers, serviceById } from '../reference/queries.ts';
import { resourceById } from '../resources/queries.ts';

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
          resourceId: undefined,
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
      resourceId: line.resourceId,
    }));
  });
}

type LineRow = ReturnType<typeof budgetRows>[number];
type StoredLine = {
  id: number;
  source: BudgetSource;
  minutes: number | null;
  amountCents: number | null;
  confirmation: LineConfirmation | null;
};

/** The rows with the confirmation each carries once saved over the project's `stored` lines (`confirmationAfterSave`). */
export function withConfirmations(rows: LineRow[], stored: readonly StoredLine[]) {
  const byId = new Map(stored.map((line) => [line.id, line]));
  return rows.map((row) => ({ ...row, confirmation: confirmationAfterSave(row.id === undefined ? undefined : byId.get(row.id), row) }));
}

/**
 * Every resource a line points at must be in the catalogue and active; a kept line may keep
 * pointing at a resource that has since been withdrawn.
 */
export function checkResources(
  db: Queryable,
  budget: BudgetInput,
  stored: readonly { id: number; resourceId: number | null }[],
  prefix: string,
) {
  const storedResource = new Map(stored.map((line) => [line.id, line.resourceId]));
  for (const axis of AXES) {
    const entry = budget[axis];
    if (!Array.isArray(entry)) continue;
    entry.forEach((line, index) => {
      if (line.resourceId == null) return;
      if (line.id !== undefined && storedResource.get(line.id) === line.resourceId) return;
      const resource = resourceById(db, line.resourceId);
      const path = `${prefix}budget.${axis}.${index}.resourceId`;
      if (!resource) throw new Invalid(path, `la risorsa ${line.resourceId} non è nel catalogo del territorio`);
      if (!resource.active) throw new Invalid(path, `la risorsa «${resource.name}» non è più attiva`);
    });
  }
}

/** Who decided on a social-services line (their name), the date and the note, as the project's query reads them. */
export type DecisionColumns = [byName: string | null, on: string | null, note: string | null];

export function toBudgetLine(
  row: {
    id: number;
    axis: (typeof AXES)[number];
    source: BudgetSource;
    description: string;
    minutes: number | null;
    amountCents: number | null;
    resourceId: number | null;
    confirmation: LineConfirmation | null;
  },
  [byName, on, note]: DecisionColumns = [null, null, null],
) {
  // Only the decision the line still carries: a line back to "proposed" shows none.
  const decided = row.confirmation === 'confirmed' || row.confirmation === 'declined';
  return {
    id: row.id,
    axis: row.axis,
    source: row.source,
    description: row.description,
    hours: row.minutes == null ? null : hoursOf(row.minutes),
    amount: row.amountCents == null ? null : eurosOf(row.amountCents),
    resourceId: row.resourceId,
    confirmation: row.confirmation,
    decision: decided && byName && on ? { by: byName, on, note } : null,
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
