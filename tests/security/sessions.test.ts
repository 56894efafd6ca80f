// Sessions beyond tests/api/auth.test.ts and users.test.ts: token lifetime, hashing, the
// remaining ways a session ends, and the password strength rule.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, rotatedAMinuteAgo, type TestContext } from '../api/helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const login = (username: string, password = PASSWORD) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const me = (accessToken: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${accessToken}` } });
const refresh = (refreshToken: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });

function claims(jwt: string): { sub: string; sid: string; iat: number; exp: number } {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    sub: string;
    sid: string;
    iat: number;
    exp: number;
  };
}

/** A token signed with the server's own secret, with whatever claims a holder of the secret chose. */
function signedWith(secret: string, payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('access tokens', () => {
  it('live 15 minutes at most, also after a refresh', async () => {
    const pair = (await login('cm.navile')).json();
    const { iat, exp } = claims(pair.accessToken);
    expect(exp - iat).toBeGreaterThan(0);
    expect(exp - iat).toBeLessThanOrEqual(15 * 60);
    const next = (await refresh(pair.refreshToken)).json();
    const renewed = claims(next.accessToken);
    expect(renewed.exp - renewed.iat).toBeLessThanOrEqual(15 * 60);
  });

  it('signed with another secret or with alg "none" are refused', async () => {
    const pair = (await login('admin')).json();
    const [header, payload] = pair.accessToken.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await me(none)).statusCode).toBe(401);
    expect((await me(`${header}.${payload}.${'A'.repeat(43)}`)).statusCode).toBe(401);
  });

  it('once verified and cached, stand for themselves only: the same claims signed otherwise, or sent otherwise, are refused', async () => {
    const { accessToken } = (await login('admin')).json();
    const [header, payload, signature] = accessToken.split('.');
    expect((await me(accessToken)).statusCode).toBe(200);
    const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    expect((await me(flipped)).statusCode).toBe(401);
    const sent = (authorization: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { authorization } });
    expect((await sent(`bearer ${accessToken}`)).statusCode).toBe(200);
    for (const malformed of [`Bearer  ${accessToken}`, `Bearer ${accessToken} x`, `Basic ${accessToken}`, 'Bearer ', accessToken]) {
      expect((await sent(malformed)).statusCode, malformed.slice(0, 12)).toBe(401);
    }
  });

  it('signed with the secret but without an expiry, or expiring after the access-token lifetime, are refused', async () => {
    const secret = 'a-secret-this-test-knows-0123456789abcdef';
    await ctx.close();
    ctx = await createTestContext({ config: { jwtSecret: secret } });
    const { sub, sid } = claims((await login('admin')).json().accessToken);
    const now = Math.floor(Date.now() / 1000);
    expect((await me(signedWith(secret, { sub, sid, iat: now, exp: now + 15 * 60 }))).statusCode).toBe(200);
    expect((await me(signedWith(secret, { sub, sid, iat: now }))).statusCode).toBe(401);
    expect((await me(signedWith(secret, { sub, sid, iat: now, exp: now + 10 * 365 * 24 * 3600 }))).statusCode).toBe(401);
    expect((await me(signedWith(secret, { sub, sid, iat: now, exp: now + 15 * 60 + 60 * 60 }))).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('are stored as argon2id hashes, never as given', async () => {
    const rows = ctx.db.$client.prepare('SELECT password_hash AS hash FROM users').all() as { hash: string }[];
    for (const { hash } of rows) {
      expect(hash.startsWith('$argon2id$')).toBe(true);
      expect(hash).not.toContain(PASSWORD);
    }
  });

  it('must have at least 10 characters with a letter and a digit', async () => {
    const call = await ctx.as('uvm.bologna');
    for (const weak of ['short1', 'soltantolettere', '1234567890123', ' '.repeat(12)]) {
      const res = await call({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: weak } });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().errors[0].path).toBe('newPassword');
    }
    expect((await login('uvm.bologna')).statusCode).toBe(200);
  });

  it('reset by the admin stop the old password from working', async () => {
    const admin = await ctx.as('admin');
    const id = (await login('coop.alfa')).json().user.id;
    await admin({ method: 'POST', url: `/api/users/${id}/password-reset`, payload: { temporaryPassword: 'Temporanea-2025' } });
    expect((await login('coop.alfa')).statusCode).toBe(401);
  });
});

describe('sessions end at once', () => {
  it('when the role changes: access and refresh tokens both stop working', async () => {
    const pair = (await login('cm.navile')).json();
    const admin = await ctx.as('admin');
    const res = await admin({ method: 'PATCH', url: `/api/users/${pair.user.id}`, payload: { role: 'manager' } });
    expect(res.statusCode).toBe(200);
    expect((await me(pair.accessToken)).statusCode).toBe(401);
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401);
    const revoked = ctx.db.$client
      .prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND revoked_reason = 'access_changed'")
      .get(pair.user.id) as { n: number };
    expect(revoked.n).toBe(1);
  });

  it('when the user is deactivated: the refresh token cannot revive the session', async () => {
    const pair = (await login('coop.beta')).json();
    const admin = await ctx.as('admin');
    await admin({ method: 'PATCH', url: `/api/users/${pair.user.id}`, payload: { active: false } });
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401);
  });

  it('when a rotated refresh token comes back: the theft is on record with the address it came from', async () => {
    const pair = (await login('manager')).json();
    await refresh(pair.refreshToken);
    rotatedAMinuteAgo(ctx.db);
    await refresh(pair.refreshToken);
    const row = ctx.db.$client.prepare("SELECT ip, changes FROM audit_log WHERE action = 'session_revoked'").get() as {
      ip: string;
      changes: string;
    };
    expect(row.ip).toBeTruthy();
    expect(JSON.parse(row.changes)).toMatchObject({ reason: 'refresh_token_reuse' });
  });
});

describe('a refresh token presented twice', () => {
  it('within seconds of its rotation (a retry after a lost reply) gets a fresh pair of the same session', async () => {
    const pair = (await login('cm.navile')).json();
    const [first, retry] = await Promise.all([refresh(pair.refreshToken), refresh(pair.refreshToken)]);
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    const pairs = [first.json(), retry.json()];
    expect(pairs[1].refreshToken).not.toBe(pairs[0].refreshToken);
    for (const next of pairs) {
      expect(claims(next.accessToken).sid).toBe(claims(pair.accessToken).sid);
      expect((await me(next.accessToken)).statusCode).toBe(200);
    }
    expect((await refresh(pairs[1].refreshToken)).statusCode).toBe(200);
    const revoked = ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NOT NULL').get() as { n: number };
    expect(revoked.n).toBe(0);
  });

  it('later than that still counts as theft and ends the session', async () => {
    const pair = (await login('cm.navile')).json();
    const next = (await refresh(pair.refreshToken)).json();
    rotatedAMinuteAgo(ctx.db);
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401);
    expect((await me(next.accessToken)).statusCode).toBe(401);
    expect((await refresh(next.refreshToken)).statusCode).toBe(401);
  });
});
