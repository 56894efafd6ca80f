// SQL of the accounts feature.
import { asc, eq, gt } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { users } = schema;
export type UserRow = typeof users.$inferSelect;
export type UserChanges = Partial<Pick<UserRow, 'displayName' | 'role' | 'active' | 'serviceId' | 'districtId' | 'cooperativeId'>>;

/** A page of accounts in id order, one row past the limit so the caller knows whether more follow. */
export function usersAfter(db: Queryable, afterId: number | null, limit: number): UserRow[] {
  return db
    .select()
    .from(users)
    .where(afterId === null ? undefined : gt(users.id, afterId))
    .orderBy(asc(users.id))
    .limit(limit + 1)
    .all();
}

export function userById(db: Queryable, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function usernameTaken(db: Queryable, username: string): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.username, username)).get() !== undefined;
}

export function insertUser(db: Queryable, values: typeof users.$inferInsert): UserRow {
  return db.insert(users).values(values).returning().get();
}

export function updateUserRow(db: Queryable, id: number, changes: UserChanges): UserRow | undefined {
  return db.update(users).set(changes).where(eq(users.id, id)).returning().get();
}

/** Sets a temporary password the user must change; false when no such user exists. */
export function setTemporaryPassword(db: Queryable, id: number, passwordHash: string): boolean {
  return db.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id)).run().changes > 0;
}
