import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, rotatedAMinuteAgo, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

async function login(username: string, password = PASSWORD) {
  return ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

describe('sign-in', () => {
  it('returns an access token, a refresh token and the user with role and scope', async () => {
    const res = await login('cm.navile');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.refreshToken).toEqual(expect.any(String));
    expect(body.expiresIn).toBeLessThanOrEqual(15 * 60);
    expect(body.user).toMatchObject({ username: 'cm.navile', role: 'case_manager', serviceId: ctx.world.services.navile });
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await login('cm.navile', 'wrong-password-1');
    const unknown = await login('nobody', 'wrong-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('names the missing field when the body is incomplete', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'password' }));
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const forged = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(forged.statusCode).toBe(401);
  });

  it('tells who is signed in', async () => {
    const call = await ctx.as('uvm.bologna');
    const res = await call({ method: 'GET', url: '/api/me' });
    expect(res.json()).toMatchObject({ username: 'uvm.bologna', role: 'uvm', districtId: ctx.world.districts.bologna, serviceId: null });
  });
});

describe('refresh tokens', () => {
  it('rotates: the new pair works and the old refresh token, once past the retry window, no longer does', async () => {
    const first = (await login('manager')).json();
    const second = await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(second.statusCode).toBe(200);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${second.json().accessToken}` } });
    expect(me.statusCode).toBe(200);
    rotatedAMinuteAgo(ctx.db);
    const reuse = await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(reuse.statusCode).toBe(401);
  });

  it('revokes the whole session when a rotated refresh token is presented again', async () => {
    const first = (await login('manager')).json();
    const second = (
      await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first.refreshToken } })
    ).json();
    rotatedAMinuteAgo(ctx.db);
    await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first.refreshToken } });
    const stolen = await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: second.refreshToken } });
    expect(stolen.statusCode).toBe(401);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${second.accessToken}` } });
    expect(me.statusCode).toBe(401);
    const revoked = ctx.db.$client.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'session_revoked'").get() as { n: number };
    expect(revoked.n).toBe(1);
  });
});

describe('sign-out', () => {
  it('ends the session: the access token and the refresh token stop working', async () => {
    const pair = (await login('admin')).json();
    const auth = { authorization: `Bearer ${pair.accessToken}` };
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: auth })).statusCode).toBe(401);
    const refresh = await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(refresh.statusCode).toBe(401);
    // The session's start and end are on record under its own id (the user is the row's user, not its entity).
    const rows = ctx.db.$client
      .prepare(`SELECT action, entity_id AS entityId, changes FROM audit_log WHERE username = 'admin' AND entity = 'session' ORDER BY id`)
      .all() as { action: string; entityId: number | null; changes: string }[];
    const sessionId = (ctx.db.$client.prepare(`SELECT id FROM sessions WHERE revoked_reason = 'logout'`).get() as { id: string }).id;
    expect(rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) }))).toEqual([
      { action: 'login', entityId: null, changes: { sessionId } },
      { action: 'logout', entityId: null, changes: { sessionId } },
    ]);
  });
});

describe('password change', () => {
  it('needs the current password and ends the other sessions', async () => {
    const other = (await login('manager')).json();
    const call = await ctx.as('manager');
    const wrong = await call({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'Nuova-password-22' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('currentPassword');
    const weak = await call({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    const ok = await call({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'Nuova-password-22' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await call({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const otherMe = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${other.accessToken}` } });
    expect(otherMe.statusCode).toBe(401);
    expect((await login('manager', 'Nuova-password-22')).statusCode).toBe(200);
  });
});
