import { and, countDistinct, count, desc, eq, gte, isNull, max } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '@bds/db';
import type { Principal } from './principal.ts';

const { users, sessions, refreshTokens, auditLog } = schema;

export function userByUsername(db: Queryable, username: string) {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function userById(db: Queryable, id: number) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** The live session and its user, in one indexed lookup per request. */
export function activeSession(db: Queryable, sessionId: string, now: string) {
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .get();
  if (!row || row.session.expiresAt <= now || !row.user.active) return undefined;
  return row;
}

const SESSION_PRINCIPAL_SQL = `SELECT u.id AS id, u.username AS username, u.display_name AS displayName, u.role AS role,
  u.service_id AS serviceId, u.district_id AS districtId, u.cooperative_id AS cooperativeId,
  u.must_change_password AS mustChangePassword, s.id AS sessionId
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.active = 1 AND u.id = ?`;

/**
 * The signed-in user of a request, checked on every request: the session named by the access
 * token is not revoked nor expired, belongs to the token's subject, and its user is active.
 * One compiled statement (kept by the statement cache), no query building per request.
 */
export function sessionPrincipal(db: Db, sessionId: string, userId: number, now: string): Principal | undefined {
  const row = db.$client.prepare(SESSION_PRINCIPAL_SQL).get(sessionId, now, userId) as
    (Omit<Principal, 'mustChangePassword'> & { mustChangePassword: number }) | undefined;
  if (!row) return undefined;
  const { id, username, displayName, role, serviceId, districtId, cooperativeId } = row;
  return {
    id,
    username,
    displayName,
    role,
    serviceId,
    districtId,
    cooperativeId,
    mustChangePassword: row.mustChangePassword === 1,
    sessionId: row.sessionId,
  };
}

export function insertSession(db: Queryable, values: typeof sessions.$inferInsert) {
  db.insert(sessions).values(values).run();
}

export function revokeSession(db: Queryable, sessionId: string, reason: string, now: string) {
  db.update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .run();
}

/** Ends every open session of a user, optionally sparing one (the caller's own). */
export function revokeUserSessions(db: Queryable, userId: number, reason: string, now: string, except?: string) {
  const open = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .all();
  for (const { id } of open) if (id !== except) revokeSession(db, id, reason, now);
}

export function insertRefreshToken(db: Queryable, sessionId: string, hash: string) {
  db.insert(refreshTokens).values({ sessionId, tokenHash: hash }).run();
}

export function refreshTokenByHash(db: Queryable, hash: string) {
  return db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hash)).get();
}

/** Marks a refresh token used; false when another request already rotated it. */
export function markRefreshTokenRotated(db: Queryable, hash: string, now: string): boolean {
  const result = db
    .update(refreshTokens)
    .set({ rotatedAt: now })
    .where(and(eq(refreshTokens.tokenHash, hash), isNull(refreshTokens.rotatedAt)))
    .run();
  return result.changes === 1;
}

export function updatePassword(db: Queryable, userId: number, passwordHash: string, mustChange: boolean) {
  db.update(users).set({ passwordHash, mustChangePassword: mustChange }).where(eq(users.id, userId)).run();
}

/** Failed sign-ins since `since` per username given, the most attacked first (read through the log's time index). */
export function failedSignIns(db: Queryable, since: string, atLeast: number) {
  const failures = count();
  return db
    .select({ username: auditLog.username, failures, addresses: countDistinct(auditLog.ip), lastFailureAt: max(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'login_failed'), gte(auditLog.at, since)))
    .groupBy(auditLog.username)
    .having(gte(failures, atLeast))
    .orderBy(desc(failures))
    .limit(100)
    .all()
    .map((row) => ({
      username: row.username ?? '',
      failures: row.failures,
      addresses: row.addresses,
      lastFailureAt: row.lastFailureAt ?? since,
    }));
}
