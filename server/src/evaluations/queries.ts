// SQL of the UVM evaluations.
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { evaluations, evaluationSocialWorkers, ptris, persons, users } = schema;

export type EvaluationRow = typeof schema.evaluations.$inferSelect;

export function insertEvaluation(db: Queryable, values: typeof schema.evaluations.$inferInsert): EvaluationRow {
  return db.insert(schema.evaluations).values(values).returning().get();
}

/** Of `ids`, the active social workers' accounts. */
export function activeSocialWorkers(db: Queryable, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.role, 'social_worker'), eq(users.active, true)))
    .all();
  return new Set(rows.map((row) => row.id));
}

export function addSocialWorkerMembers(db: Queryable, evaluationId: number, date: string, userIds: number[]) {
  if (userIds.length === 0) return;
  db.insert(evaluationSocialWorkers)
    .values(userIds.map((userId) => ({ userId, evaluationId, date })))
    .onConflictDoNothing()
    .run();
}

/** A page of the evaluations a social worker sat on, newest first (on the table's key), after (date, id). */
export function evaluationsSatOn(db: Queryable, userId: number, after: [string, number] | null, limit: number) {
  return db
    .select({
      evaluationId: evaluations.id,
      ptriId: evaluations.ptriId,
      personName: sql<string>`${persons.familyName} || ' ' || ${persons.givenName}`,
      personId: persons.id,
      date: evaluations.date,
      kind: evaluations.kind,
      outcome: evaluations.outcome,
      nextReviewDate: evaluations.nextReviewDate,
    })
    .from(evaluationSocialWorkers)
    .innerJoin(evaluations, eq(evaluations.id, evaluationSocialWorkers.evaluationId))
    .innerJoin(ptris, eq(ptris.id, evaluations.ptriId))
    .innerJoin(persons, eq(persons.id, ptris.personId))
    .where(
      and(
        eq(evaluationSocialWorkers.userId, userId),
        after
          ? or(
              lt(evaluationSocialWorkers.date, after[0]),
              and(eq(evaluationSocialWorkers.date, after[0]), lt(evaluationSocialWorkers.evaluationId, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(evaluationSocialWorkers.date), desc(evaluationSocialWorkers.evaluationId))
    .limit(limit + 1)
    .all();
}
