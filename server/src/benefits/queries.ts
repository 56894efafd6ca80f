import { asc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { personBenefits } = schema;

export type BenefitRow = typeof personBenefits.$inferSelect;

/** A person's benefits in the order recorded (index on person_id). */
export function benefitsOf(db: Queryable, personId: number): BenefitRow[] {
  return db.select().from(personBenefits).where(eq(personBenefits.personId, personId)).orderBy(asc(personBenefits.position)).all();
}

export function replaceBenefits(
  db: Queryable,
  personId: number,
  rows: Omit<typeof personBenefits.$inferInsert, 'id' | 'personId' | 'position'>[],
) {
  db.delete(personBenefits).where(eq(personBenefits.personId, personId)).run();
  if (rows.length)
    db.insert(personBenefits)
      .values(rows.map((row, position) => ({ ...row, personId, position })))
      .run();
}
