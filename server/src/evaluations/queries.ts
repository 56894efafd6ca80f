// SQL of the UVM evaluations.
import { schema, type Queryable } from '@bds/db';

export type EvaluationRow = typeof schema.evaluations.$inferSelect;

export function insertEvaluation(db: Queryable, values: typeof schema.evaluations.$inferInsert): EvaluationRow {
  return db.insert(schema.evaluations).values(values).returning().get();
}
