// Sign-in is limited per address and per account, and a refusal never tells whether the
// username exists.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from '../api/helpers.ts';

// The password hashes that sign-in verifies against, in order; the real verification still runs.
const verifications: string[] = [];
vi.mock('@bds/server/auth/passwords.ts', async (importOriginal) => {
  const passwords = await importOriginal<typeof import('@bds/server/auth/passwords.ts')>();
  return {
    ...passwords,
    verifyPassword: (passwordHash: string, password: string) => {
      verifications.push(passwordHash);
      return passwords.verifyPassword(passwordHash, password);
    },
  };
});

let ctx: TestContext | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await ctx?.close();
});

const attempt = (c: TestContext, username: string, remoteAddress: string, password = 'wrong-password-1') =>
  c.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });

describe('sign-in limits', () => {
  it('slow down one address after the configured failures, whatever the usernames, with Retry-After', async () => {
    ctx = await createTestContext({ config: { loginRateLimit: { perAddress: 5, perAccount: 100 } } });
    for (let i = 0; i < 5; i += 1) expect((await attempt(ctx, `utente${i}`, '10.0.0.1')).statusCode).toBe(401);
    const blocked = await attempt(ctx, 'admin', '10.0.0.1', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.json().detail).toMatch(/^Troppi tentativi da questo indirizzo: riprova tra (\d+ secondi|1 secondo|1 minuto)$/);
    expect((await attempt(ctx, 'admin', '10.0.0.2', PASSWORD)).statusCode).toBe(200);
  });

  it('slow down guesses at one account coming from many addresses, and leave other accounts alone', async () => {
    ctx = await createTestContext({ config: { loginRateLimit: { perAddress: 100, perAccount: 3 } } });
    for (let i = 0; i < 3; i += 1) expect((await attempt(ctx, 'cm.navile', `10.0.1.${i}`)).statusCode).toBe(401);
    const blocked = await attempt(ctx, 'CM.Navile ', '10.0.1.99', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().detail).toMatch(/^Troppi tentativi di accesso non riusciti per questo utente: riprova tra \d+ second/);
    expect((await attempt(ctx, 'cm.budrio', '10.0.1.0', PASSWORD)).statusCode).toBe(200);
  });

  it('never count successful sign-ins: many tabs, or a whole ward behind one address, sign in', async () => {
    ctx = await createTestContext({ config: { loginRateLimit: { perAddress: 3, perAccount: 3 } } });
    for (let i = 0; i < 20; i += 1) expect((await attempt(ctx, 'cm.navile', '10.0.3.1', PASSWORD)).statusCode).toBe(200);
    for (const username of ['admin', 'manager', 'uvm.bologna', 'coop.alfa', 'cm.budrio']) {
      expect((await attempt(ctx, username, '10.0.3.1', PASSWORD)).statusCode).toBe(200);
    }
  });

  it('take the correct password a minute after the last failure, however many others sent', async () => {
    ctx = await createTestContext({ config: { loginRateLimit: { perAddress: 2, perAccount: 2 } } });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    // A guess each time the wait ends, from two addresses, thirteen times: the account's count climbs.
    for (let i = 0; i < 13; i += 1) {
      expect((await attempt(ctx, 'uvm.bologna', `10.0.5.${i % 2}`)).statusCode, `guess ${i}`).toBe(401);
      vi.setSystemTime(Date.now() + 60_000);
    }
    expect((await attempt(ctx, 'uvm.bologna', '10.0.5.0')).statusCode).toBe(401);
    vi.setSystemTime(Date.now() + 1_000);
    const waiting = await attempt(ctx, 'uvm.bologna', '10.0.6.1', PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(60);
    vi.setSystemTime(Date.now() + 59_000);
    expect((await attempt(ctx, 'uvm.bologna', '10.0.6.1', PASSWORD)).statusCode).toBe(200);
  });

  it('keep every failure in the access log and show the admin the accounts under attack', async () => {
    ctx = await createTestContext({ config: { loginRateLimit: { perAddress: 100, perAccount: 3 } } });
    for (let i = 0; i < 3; i += 1) await attempt(ctx, 'manager', `10.0.4.${i}`);
    await attempt(ctx, 'coop.alfa', '10.0.4.9');
    const failures = ctx.db.$client.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'login_failed'").get() as { n: number };
    expect(failures.n).toBe(4);
    const admin = await ctx.as('admin');
    const res = await admin({ method: 'GET', url: '/api/auth/accounts-under-attack' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ username: 'manager', failures: 3, addresses: 3, lastFailureAt: expect.any(String) }]);
  });

  it('are on by default outside tests: delays after 10 failures per address and 5 per account', async () => {
    const { loadConfig } = await import('@bds/server/config.ts');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).loginRateLimit).toEqual({ perAddress: 10, perAccount: 5 });
  });
});

describe('the wait after failed sign-ins', () => {
  it('doubles with each failure past the free ones, and never goes beyond a minute', async () => {
    const { LoginThrottle, MAX_DELAY_MS } = await import('@bds/server/plugins/login-limit.ts');
    let now = 0;
    const throttle = new LoginThrottle({ perAddress: 1_000, perAccount: 2 }, () => now);
    const waits: number[] = [];
    // An attacker who sends a wrong password each time the wait ends, 30 times.
    for (let i = 0; i < 30; i += 1) {
      throttle.failed('admin', `192.0.2.${i}`);
      let waited = 0;
      while (tryCheck(throttle, 'admin', '10.9.9.9')) {
        now += 1_000;
        waited += 1_000;
      }
      waits.push(waited);
    }
    expect(waits.slice(0, 9)).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(Math.max(...waits)).toBe(MAX_DELAY_MS);
  });
});

function tryCheck(throttle: { check: (username: string, address: string) => void }, username: string, address: string): boolean {
  try {
    throttle.check(username, address);
    return false;
  } catch {
    return true;
  }
}

describe('a failed sign-in', () => {
  it('answers an unknown username, a wrong password and a deactivated account alike, after one argon2 verification each', async () => {
    ctx = await createTestContext();
    const c = ctx;
    const admin = await c.as('admin');
    const uvmId = (await (await c.as('uvm.pianura'))({ method: 'GET', url: '/api/me' })).json().id;
    await admin({ method: 'PATCH', url: `/api/users/${uvmId}`, payload: { active: false } });
    // The same work on every path is what keeps their timing alike: each refusal verifies the
    // password once against an argon2id hash of the same cost, whether or not the user exists.
    const verificationsOf = async (username: string, password: string) => {
      verifications.length = 0;
      const res = await attempt(c, username, '10.0.2.1', password);
      expect(res.statusCode).toBe(401);
      return { body: res.body, hashes: verifications.map((hash) => hash.replace(/\$[^$]*\$[^$]*$/, '')) };
    };
    const unknown = await verificationsOf('nessuno', 'wrong-password-1');
    const wrong = await verificationsOf('cm.navile', 'wrong-password-1');
    const deactivated = await verificationsOf('uvm.pianura', PASSWORD);
    expect(unknown.hashes).toEqual(['$argon2id$v=19$m=19456,t=2,p=1']);
    expect(wrong.hashes).toEqual(unknown.hashes);
    expect(deactivated.hashes).toEqual(unknown.hashes);
    expect(new Set([unknown.body, wrong.body, deactivated.body]).size).toBe(1);
  });
});

describe('the wait before signing in again', () => {
  it('is said in Italian, rounded up to whole seconds and then minutes', async () => {
    const { waitInItalian } = await import('@bds/server/plugins/security.ts');
    expect([0, 400, 1000, 1001, 47_000, 59_500, 60_000, 61_000, 900_000].map(waitInItalian)).toEqual([
      '1 secondo',
      '1 secondo',
      '1 secondo',
      '2 secondi',
      '47 secondi',
      '1 minuto',
      '1 minuto',
      '2 minuti',
      '15 minuti',
    ]);
  });
});
