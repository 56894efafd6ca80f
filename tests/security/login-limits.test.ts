// Sign-in is limited per address and per account, and a refusal never tells whether the
// username exists.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from '../api/helpers.ts';

let ctx: TestContext | undefined;
afterEach(() => ctx?.close());

const attempt = (c: TestContext, username: string, remoteAddress: string, password = 'wrong-password-1') =>
  c.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });

describe('sign-in limits', () => {
  it('stop one address after the configured attempts per minute, whatever the usernames, with Retry-After', async () => {
    ctx = await createTestContext({ config: { loginRateLimit: { perAddress: 5, perAccount: 100 } } });
    for (let i = 0; i < 5; i += 1) expect((await attempt(ctx, `utente${i}`, '10.0.0.1')).statusCode).toBe(401);
    const blocked = await attempt(ctx, 'admin', '10.0.0.1', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.json().detail).toMatch(/^Troppi tentativi da questo indirizzo: riprova tra (\d+ secondi|1 secondo|1 minuto)$/);
    expect((await attempt(ctx, 'admin', '10.0.0.2', PASSWORD)).statusCode).toBe(200);
  });

  it('stop guesses at one account coming from many addresses, and leave other accounts alone', async () => {
    ctx = await createTestContext({ config: { loginRateLimit: { perAddress: 100, perAccount: 3 } } });
    for (let i = 0; i < 3; i += 1) expect((await attempt(ctx, 'cm.navile', `10.0.1.${i}`)).statusCode).toBe(401);
    const blocked = await attempt(ctx, 'CM.Navile ', '10.0.1.99', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    expect(blocked.json().detail).toMatch(/riprova/);
    expect((await attempt(ctx, 'cm.budrio', '10.0.1.0', PASSWORD)).statusCode).toBe(200);
  });

  it('are on by default outside tests: 10 per address per minute, 5 per account per 15 minutes', async () => {
    const { loadConfig } = await import('@bds/server/config.ts');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).loginRateLimit).toEqual({ perAddress: 10, perAccount: 5 });
  });
});

describe('a failed sign-in', () => {
  it('answers an unknown username, a wrong password and a deactivated account alike, in similar time', async () => {
    ctx = await createTestContext();
    const c = ctx;
    const admin = await c.as('admin');
    const uvmId = (await (await c.as('uvm.pianura'))({ method: 'GET', url: '/api/me' })).json().id;
    await admin({ method: 'PATCH', url: `/api/users/${uvmId}`, payload: { active: false } });
    const timed = async (username: string, password: string) => {
      const start = performance.now();
      const res = await attempt(c, username, '10.0.2.1', password);
      return { res, ms: performance.now() - start };
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const unknown: number[] = [];
    const wrong: number[] = [];
    const bodies = new Set<string>();
    for (let i = 0; i < 7; i += 1) {
      const a = await timed(`nessuno${i}`, 'wrong-password-1');
      const b = await timed('cm.navile', 'wrong-password-1');
      const d = await timed('uvm.pianura', PASSWORD);
      for (const { res } of [a, b, d]) {
        expect(res.statusCode).toBe(401);
        bodies.add(res.body);
      }
      unknown.push(a.ms);
      wrong.push(b.ms);
    }
    expect(bodies.size).toBe(1);
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('the wait before signing in again', () => {
  it('is said in Italian, rounded up to whole seconds and then minutes', async () => {
    const { waitInItalian } = await import('@bds/server/plugins/security.ts');
    expect([0, 400, 1000, 1001, 47_000, 59_500, 60_000, 61_000, 900_000].map(waitInItalian)).toEqual([
      '1 secondo', '1 secondo', '1 secondo', '2 secondi', '47 secondi', '1 minuto', '1 minuto', '2 minuti', '15 minuti',
    ]);
  });
});
