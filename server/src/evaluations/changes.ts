// The per-axis outcome of a closure (a final UVM evaluation or the closing move, both applied by
// ptri/lifecycle.ts): it becomes the status of the open goals.
// (The changes of an "approved with changes" go through ptri/revise.ts like any edit.)
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { schema, type Queryable } from '@bds/db';
import { AXES, type goalOutcomes } from '@bds/shared';
import { Invalid } from '../errors.ts';

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
