// What an evaluation says of the goals: statuses set one by one by goal id (a review), and the
// per-axis outcome of a closure (a final UVM evaluation or the closing move, both applied by
// ptri/lifecycle.ts), which becomes the status of the goals still open.
// (The changes of an "approved with changes" go through ptri/revise.ts like any edit.)
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { schema, type Queryable } from '@bds/db';
import { AXES, type GoalStatus, type GoalStatusInput, type goalOutcomes } from '@bds/shared';
import { Invalid } from '../errors.ts';
import { goalsOf } from '../ptri/queries.ts';

/**
 * Sets the status of each goal named by id; every id must be a goal of this project (400 on the
 * id otherwise). Returns what changed, for the evaluation's access-log row.
 */
export function setGoalStatuses(tx: Queryable, ptriId: number, statuses: readonly GoalStatusInput[]) {
  const current = new Map(goalsOf(tx, ptriId).map((goal) => [goal.id, goal.status]));
  statuses.forEach(({ id }, index) => {
    if (!current.has(id)) throw new Invalid(`goals.${index}.id`, `l'obiettivo ${id} non è un obiettivo di questo progetto`);
  });
  const changed: { id: number; before: GoalStatus; after: GoalStatus }[] = [];
  for (const { id, status } of statuses) {
    const before = current.get(id)!;
    if (before === status) continue;
    tx.update(schema.goals)
      .set({ status })
      .where(and(eq(schema.goals.id, id), eq(schema.goals.ptriId, ptriId)))
      .run();
    changed.push({ id, before, after: status });
  }
  return changed;
}

/** Gives the open goals of each named axis the closure's outcome. */
export function closeGoals(tx: Queryable, ptriId: number, outcomes: z.output<typeof goalOutcomes>) {
  for (const [axis, status] of Object.entries(outcomes)) {
    if (!status) continue;
    tx.update(schema.goals)
      .set({ status })
      .where(
        and(
          eq(schema.goals.ptriId, ptriId),
          eq(schema.goals.axis, axis as 'habitat' | 'sociality' | 'work'),
          eq(schema.goals.status, 'open'),
        ),
      )
      .run();
  }
}

/** A project closes with an outcome on every axis it still has open goals on. */
export function requireOutcomePerOpenAxis(tx: Queryable, ptriId: number, outcomes: z.output<typeof goalOutcomes> | undefined) {
  const openAxes = new Set(
    tx
      .select({ axis: schema.goals.axis })
      .from(schema.goals)
      .where(and(eq(schema.goals.ptriId, ptriId), eq(schema.goals.status, 'open')))
      .all()
      .map((g) => g.axis),
  );
  for (const axis of AXES) {
    if (openAxes.has(axis) && !outcomes?.[axis]) throw new Invalid(`goalOutcomes.${axis}`, "indicare l'esito: l'asse ha obiettivi aperti");
  }
}
