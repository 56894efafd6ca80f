// What a UVM evaluation decides about the project beyond its status: the changes of an
// "approved with changes" (kept as a new revision) and the per-axis outcome of a final one.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { schema, type Queryable } from '@bds/db';
import { AXES, type evaluationChanges, type goalOutcomes } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { Conflict, Invalid } from '../errors.ts';
import { budgetRows, checkLotAndCooperatives, goalRows } from '../ptri/content.ts';
import { diffSnapshots, snapshotOf } from '../ptri/snapshot.ts';
import * as q from '../ptri/queries.ts';

type Changes = z.output<typeof evaluationChanges>;

export function applyEvaluationChanges(tx: Queryable, actor: Actor, row: q.PtriRow, changes: Changes, reason: string): q.PtriRow {
  const startDate = changes.startDate ?? row.startDate;
  const endDate = changes.endDate ?? row.endDate;
  if (startDate > endDate) throw new Invalid('changes.endDate', 'la data di fine precede quella di inizio');
  if (changes.cooperativeIds) checkLotAndCooperatives(tx, row.serviceId, row.lotId, changes.cooperativeIds);
  const before = snapshotOf(tx, row);
  const fields = { startDate, endDate, intensity: changes.intensity ?? row.intensity, notes: changes.notes === undefined ? row.notes : changes.notes };
  if (!q.updatePtriAtVersion(tx, row.id, row.version, fields)) throw new Conflict('Il progetto è stato modificato nel frattempo: ricarica');
  if (changes.goals) q.replaceGoals(tx, row.id, goalRows(changes.goals));
  if (changes.budget) {
    const named = new Set(Object.keys(changes.budget));
    const kept = q.budgetLinesOf(tx, row.id).filter((line) => !named.has(line.axis));
    q.replaceBudgetLines(tx, row.id, [
      ...kept.map(({ axis, source, description, minutes, amountCents }) => ({ axis, source, description, minutes, amountCents })),
      ...budgetRows(changes.budget),
    ]);
  }
  if (changes.cooperativeIds) q.replaceCooperatives(tx, row.id, changes.cooperativeIds);
  const updated = { ...row, ...fields, version: row.version + 1 };
  const snapshot = snapshotOf(tx, updated);
  const diff = diffSnapshots(before, snapshot);
  q.insertRevision(tx, { ptriId: row.id, version: updated.version, snapshot, changes: diff, reason, userId: actor.user.id });
  recordAudit(tx, actor, { action: 'update', entity: 'ptri', entityId: row.id, personId: row.personId, changes: diff });
  return updated;
}

/** Gives the open goals of each named axis the final evaluation's outcome. */
export function closeGoals(tx: Queryable, ptriId: number, outcomes: z.output<typeof goalOutcomes>) {
  for (const [axis, status] of Object.entries(outcomes)) {
    if (!status) continue;
    tx.update(schema.goals)
      .set({ status })
      .where(and(eq(schema.goals.ptriId, ptriId), eq(schema.goals.axis, axis as 'habitat' | 'sociality' | 'work'), eq(schema.goals.status, 'open')))
      .run();
  }
}

/** A project closes with an outcome on every axis it still has open goals on. */
export function requireOutcomePerOpenAxis(tx: Queryable, ptriId: number, outcomes: z.output<typeof goalOutcomes> | undefined) {
  const openAxes = new Set(
    tx.select({ axis: schema.goals.axis }).from(schema.goals).where(and(eq(schema.goals.ptriId, ptriId), eq(schema.goals.status, 'open'))).all().map((g) => g.axis),
  );
  for (const axis of AXES) {
    if (openAxes.has(axis) && !outcomes?.[axis]) throw new Invalid(`goalOutcomes.${axis}`, 'indicare l\'esito: l\'asse ha obiettivi aperti');
  }
}
