// SQL of the social services' decisions on budget lines: one line of one project, read and set by id.
import { and, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { LineConfirmation } from '@bds/shared';

const { budgetLines } = schema;

/** A budget line of the project (primary key, then its project checked). */
export function lineOfProject(db: Queryable, ptriId: number, lineId: number) {
  return db
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.id, lineId), eq(budgetLines.ptriId, ptriId)))
    .get();
}

/** The decision stays on the line (its id is kept across revisions) until a new one replaces it. */
export function setConfirmation(
  db: Queryable,
  lineId: number,
  decision: { confirmation: LineConfirmation; decidedBy: number; decidedOn: string; decisionNote: string | null },
) {
  db.update(budgetLines).set(decision).where(eq(budgetLines.id, lineId)).run();
}
