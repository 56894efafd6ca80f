import { asc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { ptriSignatures } = schema;

export type SignatureRow = typeof ptriSignatures.$inferSelect;

export function insertSignature(db: Queryable, values: typeof ptriSignatures.$inferInsert): SignatureRow {
  return db.insert(ptriSignatures).values(values).returning().get();
}

/** Every signature of a project, newest revision first (index on ptri_id, revision). */
export function signaturesOf(db: Queryable, ptriId: number): SignatureRow[] {
  return db
    .select()
    .from(ptriSignatures)
    .where(eq(ptriSignatures.ptriId, ptriId))
    .orderBy(asc(ptriSignatures.revision), asc(ptriSignatures.id))
    .all()
    .reverse();
}
