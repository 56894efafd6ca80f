import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const newUser = { username: 'nuovo.cm', displayName: 'Nuovo Case Manager', role: 'case_manager', password: 'Password-nuova-1' };

describe('accounts', () => {
  it('are managed by the admin only', async () => {
    for (const user of ['manager', 'cm.navile', 'uvm.bologna', 'coop.alfa']) {
      const call = await ctx.as(user);
      expect((await call({ method: 'GET', url: '/api/users' })).statusCode, user).toBe(403);
    }
    const admin = await ctx.as('admin');
    const list = (await admin({ method: 'GET', url: '/api/users' })).json();
    expect(list.items.length).toBe(10);
    expect(JSON.stringify(list)).not.toContain('passwordHash');
  });

  it('need the scope of their role', async () => {
    const admin = await ctx.as('admin');
    const noService = await admin({ method: 'POST', url: '/api/users', payload: newUser });
    expect(noService.statusCode).toBe(400);
    expect(noService.json().errors[0]).toEqual({ path: 'serviceId', message: 'un case manager lavora per un servizio: sceglierlo' });
    const created = await admin({ method: 'POST', url: '/api/users', payload: { ...newUser, serviceId: ctx.world.services.navile } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'case_manager', serviceId: ctx.world.services.navile, mustChangePassword: true });
    const dup = await admin({ method: 'POST', url: '/api/users', payload: { ...newUser, serviceId: ctx.world.services.navile } });
    expect(dup.statusCode).toBe(409);
  });

  it('lose their sessions at once when deactivated or moved to another scope', async () => {
    const admin = await ctx.as('admin');
    const cm = await ctx.as('cm.navile');
    expect((await cm({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const id = (await cm({ method: 'GET', url: '/api/me' })).json().id;
    const moved = await admin({ method: 'PATCH', url: `/api/users/${id}`, payload: { serviceId: ctx.world.services.budrio } });
    expect(moved.statusCode).toBe(200);
    expect((await cm({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);

    const uvm = await ctx.as('uvm.bologna');
    const uvmId = (await uvm({ method: 'GET', url: '/api/me' })).json().id;
    await admin({ method: 'PATCH', url: `/api/users/${uvmId}`, payload: { active: false } });
    expect((await uvm({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'uvm.bologna', password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);
  });

  it('keep their sessions when only the display name changes', async () => {
    const admin = await ctx.as('admin');
    const cm = await ctx.as('cm.navile');
    const id = (await cm({ method: 'GET', url: '/api/me' })).json().id;
    await admin({ method: 'PATCH', url: `/api/users/${id}`, payload: { displayName: 'Dott. Navile' } });
    expect((await cm({ method: 'GET', url: '/api/me' })).json().displayName).toBe('Dott. Navile');
  });

  it('get a temporary password from the admin that they must change', async () => {
    const admin = await ctx.as('admin');
    const cm = await ctx.as('cm.navile');
    const id = (await cm({ method: 'GET', url: '/api/me' })).json().id;
    const reset = await admin({
      method: 'POST',
      url: `/api/users/${id}/password-reset`,
      payload: { temporaryPassword: 'Temporanea-2025' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await cm({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'cm.navile', password: 'Temporanea-2025' },
    });
    expect(login.json().user.mustChangePassword).toBe(true);
    const auth = { authorization: `Bearer ${login.json().accessToken}` };
    const blocked = await ctx.app.inject({ method: 'GET', url: '/api/ptris', headers: auth });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detail).toContain('Password temporanea');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: auth })).statusCode).toBe(200);
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: auth,
      payload: { currentPassword: 'Temporanea-2025', newPassword: 'Definitiva-2025' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/ptris', headers: auth })).statusCode).toBe(200);
  });

  it('cannot lock the admin out by their own hand', async () => {
    const admin = await ctx.as('admin');
    const id = (await admin({ method: 'GET', url: '/api/me' })).json().id;
    expect((await admin({ method: 'PATCH', url: `/api/users/${id}`, payload: { active: false } })).statusCode).toBe(409);
  });
});
