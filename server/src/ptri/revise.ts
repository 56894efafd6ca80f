// A change of a project's content (period, intensity, goals, budget, cooperatives, case
// manager), from a case manager's edit or a UVM "approved with changes": checked, saved at
// the expected version and kept as a new saved version with what changed. The content revision
// (`revision`, what signatures belong to) moves only when the agreed content changed.
import { formatDate, type BudgetInput, type GoalInput, type Intensity } from '@bds/shared';
import type { Queryable } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { Conflict, Invalid } from '../errors.ts';
import {
  budgetRows,
  checkKeptIds,
  checkLotAndCooperatives,
  checkResources,
  goalIdsNamed,
  goalRows,
  lineIdsNamed,
  withConfirmations,
} from './content.ts';
import { contentChanged, diffSnapshots, snapshotOf, type Changes } from './snapshot.ts';
import * as q from './queries.ts';

export interface ContentChanges {
  startDate?: string;
  endDate?: string;
  intensity?: Intensity;
  notes?: string | null;
  caseManagerId?: number;
  goals?: GoalInput[];
  budget?: BudgetInput;
  cooperativeIds?: number[];
}

/**
 * Once a project is in care its start is history, and its end cannot move before the day it
 * became active or before work the cooperatives already recorded on it.
 */
function checkPeriod(tx: Queryable, row: q.PtriRow, startDate: string, endDate: string, field: (name: string) => string) {
  if (startDate > endDate) throw new Invalid(field('endDate'), 'la data di fine precede quella di inizio');
  if (!row.activatedOn) return;
  if (startDate !== row.startDate) throw new Invalid(field('startDate'), "non modificabile dopo l'attivazione del progetto");
  const lastWork = q.lastInterventionDate(tx, row.id);
  const floor = lastWork && lastWork > row.activatedOn ? lastWork : row.activatedOn;
  if (endDate < floor)
    throw new Invalid(field('endDate'), `non può precedere il ${formatDate(floor)} (attivazione o ultimo intervento registrato)`);
}

/**
 * The budget lines of the axes named become the ones given (kept by id, or new); the lines of
 * the other axes stay as they are, unless the edit names one of them (it then moves).
 */
function saveBudgetAxes(tx: Queryable, id: number, budget: BudgetInput) {
  const named = new Set(Object.keys(budget));
  const stored = q.budgetLinesOf(tx, id);
  const given = withConfirmations(budgetRows(budget), stored);
  const moved = new Set(given.flatMap((line) => (line.id === undefined ? [] : [line.id])));
  const kept = stored.filter((line) => !named.has(line.axis) && !moved.has(line.id));
  q.saveBudgetLines(tx, id, [
    ...kept.map(({ id, axis, source, description, minutes, amountCents }) => ({ id, axis, source, description, minutes, amountCents })),
    ...given,
  ]);
}

/** Applies the changes to `row` (at its version) and returns the updated row; `prefix` names the body field errors belong to. */
export function reviseProject(
  tx: Queryable,
  actor: Actor,
  row: q.PtriRow,
  changes: ContentChanges,
  reason: string | null,
  prefix = '',
): q.PtriRow {
  const field = (name: string) => `${prefix}${name}`;
  const startDate = changes.startDate ?? row.startDate;
  const endDate = changes.endDate ?? row.endDate;
  checkPeriod(tx, row, startDate, endDate, field);
  if (changes.cooperativeIds || changes.startDate)
    checkLotAndCooperatives(tx, row.serviceId, row.lotId, changes.cooperativeIds ?? q.cooperativesOf(tx, row.id), startDate, field);
  if (changes.caseManagerId !== undefined && !q.isCaseManagerOf(tx, changes.caseManagerId, row.serviceId)) {
    throw new Invalid(field('caseManagerId'), 'non è un case manager attivo del servizio del progetto');
  }
  if (changes.goals)
    checkKeptIds(
      q.goalsOf(tx, row.id).map((goal) => goal.id),
      goalIdsNamed(changes.goals, prefix),
      "l'obiettivo",
    );
  if (changes.budget) {
    const stored = q.budgetLinesOf(tx, row.id);
    checkKeptIds(
      stored.map((line) => line.id),
      lineIdsNamed(changes.budget, prefix),
      'la riga di budget',
    );
    checkResources(tx, changes.budget, stored, prefix);
  }
  const before = snapshotOf(tx, row);
  const fields = {
    startDate,
    endDate,
    intensity: changes.intensity ?? row.intensity,
    notes: changes.notes === undefined ? row.notes : changes.notes,
    caseManagerId: changes.caseManagerId ?? row.caseManagerId,
  };
  if (!q.updatePtriAtVersion(tx, row.id, row.version, fields)) throw new Conflict('Il progetto è stato modificato nel frattempo: ricarica');
  if (changes.goals) q.saveGoals(tx, row.id, goalRows(changes.goals));
  if (changes.budget) saveBudgetAxes(tx, row.id, changes.budget);
  if (changes.cooperativeIds) q.replaceCooperatives(tx, row.id, changes.cooperativeIds);
  const snapshot = snapshotOf(tx, { ...row, ...fields });
  const revision = contentChanged(before, snapshot) ? row.revision + 1 : row.revision;
  if (revision !== row.revision) q.setRevision(tx, row.id, revision);
  const updated = { ...row, ...fields, version: row.version + 1, revision };
  const diff: Changes = diffSnapshots(before, snapshot);
  q.insertRevision(tx, { ptriId: row.id, version: updated.version, revision, snapshot, changes: diff, reason, userId: actor.user.id });
  recordAudit(tx, actor, { action: 'update', entity: 'ptri', entityId: row.id, personId: row.personId, changes: diff });
  return updated;
}
