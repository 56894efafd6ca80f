// Sign-in, refresh-token rotation with theft detection, sign-out and password changes.
import { randomUUID } from 'node:crypto';
import { addDays } from 'date-fns';
import { departmentDateAt, type Me, type TokenPair } from '@bds/shared';
import { schema, type Db, type Queryable } from '@bds/db';
import { Invalid, Unauthorized } from '../errors.ts';
import type { LoginThrottle } from '../plugins/login-limit.ts';
import { recordAudit } from '../audit/record.ts';
import type { Actor, Principal } from './principal.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { newOpaqueToken, tokenHash } from './tokens.ts';
import * as q from './queries.ts';

type UserRow = typeof schema.users.$inferSelect;

export interface AuthDeps {
  db: Db;
  signAccessToken: (payload: { sub: string; sid: string }) => string;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  refreshRetrySeconds: number;
  loginThrottle: LoginThrottle;
}

export function toMe(user: UserRow): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    serviceId: user.serviceId,
    cooperativeId: user.cooperativeId,
    districtId: user.districtId,
    mustChangePassword: user.mustChangePassword,
  };
}

export function toPrincipal(user: UserRow, sessionId: string): Principal {
  return { ...toMe(user), sessionId };
}

const BAD_CREDENTIALS = 'Nome utente o password non corretti';

function issuePair(db: Queryable, deps: AuthDeps, user: UserRow, sessionId: string): TokenPair {
  const refreshToken = newOpaqueToken();
  q.insertRefreshToken(db, sessionId, tokenHash(refreshToken));
  return {
    accessToken: deps.signAccessToken({ sub: String(user.id), sid: sessionId }),
    refreshToken,
    expiresIn: deps.accessTokenSeconds,
    user: toMe(user),
  };
}

export async function login(deps: AuthDeps, username: string, password: string, ip: string): Promise<TokenPair> {
  deps.loginThrottle.check(username, ip);
  const user = q.userByUsername(deps.db, username);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.active) {
    deps.loginThrottle.failed(username, ip);
    recordAudit(deps.db, { user: null, username, ip }, { action: 'login_failed', entity: 'user', entityId: user?.id });
    throw new Unauthorized(BAD_CREDENTIALS);
  }
  deps.loginThrottle.succeeded(username);
  const now = new Date();
  const sessionId = randomUUID();
  return deps.db.transaction((tx) => {
    q.insertSession(tx, {
      id: sessionId,
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt: addDays(now, deps.refreshTokenDays).toISOString(),
    });
    const pair = issuePair(tx, deps, user, sessionId);
    recordAudit(
      tx,
      { user: toPrincipal(user, sessionId), ip, today: departmentDateAt(now), now: now.toISOString() },
      { action: 'login', entity: 'session', changes: { sessionId } },
    );
    return pair;
  });
}

export function refresh(deps: AuthDeps, refreshToken: string, ip: string): TokenPair {
  const now = new Date().toISOString();
  return (
    deps.db.transaction((tx) => {
      const db = tx;
      const hash = tokenHash(refreshToken);
      const stored = q.refreshTokenByHash(db, hash);
      if (!stored) throw new Unauthorized('Sessione non valida: accedi di nuovo');
      // The same token again within seconds of its rotation is a client retrying after a lost
      // reply (two tabs, a dropped connection): it gets a fresh pair of the same session.
      const retry = stored.rotatedAt !== null && Date.parse(now) - Date.parse(stored.rotatedAt) <= deps.refreshRetrySeconds * 1000;
      if (!retry && (stored.rotatedAt || !q.markRefreshTokenRotated(db, hash, now))) {
        // A rotated token presented again later means it was copied: end the whole session.
        q.revokeSession(db, stored.sessionId, 'refresh_token_reuse', now);
        recordAudit(
          db,
          { user: null, username: null, ip },
          {
            action: 'session_revoked',
            entity: 'session',
            changes: { reason: 'refresh_token_reuse', sessionId: stored.sessionId },
          },
        );
        return null;
      }
      const live = q.activeSession(db, stored.sessionId, now);
      if (!live) return null;
      return issuePair(db, deps, live.user, stored.sessionId);
    }) ?? failRefresh()
  );
}

/** Accounts with at least `atLeast` failed sign-ins in the last hour, from the access log. */
export function accountsUnderAttack(db: Db, atLeast: number) {
  const since = new Date(Date.now() - 60 * 60_000).toISOString();
  return q.failedSignIns(db, since, atLeast);
}

function failRefresh(): never {
  throw new Unauthorized('Sessione scaduta o revocata: accedi di nuovo');
}

export function logout(deps: AuthDeps, actor: Actor): void {
  const now = new Date().toISOString();
  deps.db.transaction((tx) => {
    q.revokeSession(tx, actor.user.sessionId, 'logout', now);
    recordAudit(tx, actor, { action: 'logout', entity: 'session', changes: { sessionId: actor.user.sessionId } });
  });
}

export async function changePassword(deps: AuthDeps, actor: Actor, currentPassword: string, newPassword: string) {
  const user = q.userById(deps.db, actor.user.id);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new Invalid('currentPassword', 'password attuale non corretta');
  }
  if (currentPassword === newPassword) throw new Invalid('newPassword', 'deve essere diversa da quella attuale');
  const passwordHash = await hashPassword(newPassword);
  const now = new Date().toISOString();
  deps.db.transaction((tx) => {
    q.updatePassword(tx, user.id, passwordHash, false);
    q.revokeUserSessions(tx, user.id, 'password_changed', now, actor.user.sessionId);
    recordAudit(tx, actor, { action: 'update', entity: 'user', entityId: user.id, changes: { password: 'changed' } });
  });
}
