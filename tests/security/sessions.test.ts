// Sessions beyond tests/api/auth.test.ts and users.test.ts: token lifetime, hashing, the
// remaining ways a session ends, and the password strength rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from '../api/helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const login = (username: string, password = PASSWORD) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const me = (accessToken: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${accessToken}` } });
const refresh = (refreshToken: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });

function claims(jwt: string): { iat: number; exp: number } {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat: number; exp: number };
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
    const revoked = ctx.db.$client.prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND revoked_reason = 'access_changed'").get(pair.user.id) as { n: number };
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
    await refresh(pair.refreshToken);
    const row = ctx.db.$client.prepare("SELECT ip, changes FROM audit_log WHERE action = 'session_revoked'").get() as { ip: string; changes: string };
    expect(row.ip).toBeTruthy();
    expect(JSON.parse(row.changes)).toMatchObject({ reason: 'refresh_token_reuse' });
  });
});
