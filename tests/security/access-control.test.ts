// Access control proven for every registered route and every role: allowed, 403, or 404 for a
// record outside a scoped role's scope; 401 without a valid session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@bds/shared';
import { createFixtures, ROLES, type Fixtures } from './fixtures.ts';
import { ROUTE_MATRIX, type MatrixEntry } from './route-matrix.ts';
import { send, splitRoute } from './request.ts';

let f: Fixtures;
beforeAll(async () => {
  f = await createFixtures();
});
afterAll(() => f.ctx.close());

const entries = Object.entries(ROUTE_MATRIX);
const protectedEntries = entries.filter(([, entry]) => entry.allowed !== 'public') as [string, MatrixEntry & { allowed: Role[] }][];
const probeOf = (key: string, entry: MatrixEntry) => {
  const { method, path } = splitRoute(key);
  const url = entry.probe?.url(f) ?? path;
  const body = entry.probe?.body ? entry.probe.body(f) : method === 'GET' ? undefined : {};
  return { method, url, body };
};

describe('the role × route matrix', () => {
  it('has an entry for every route the app registers, and none for a route that is gone', () => {
    const registered = f.ctx.app.apiRoutes
      .filter((route) => route.url !== '/api/openapi.json')
      .map((route) => `${route.method} ${route.url}`);
    const missing = registered.filter((key) => !(key in ROUTE_MATRIX));
    const stale = Object.keys(ROUTE_MATRIX).filter((key) => !registered.includes(key));
    expect(missing, 'routes without an access-matrix entry').toEqual([]);
    expect(stale, 'matrix entries for routes that do not exist').toEqual([]);
  });

  it('declares on each route exactly the roles of the matrix', () => {
    for (const route of f.ctx.app.apiRoutes) {
      const entry = ROUTE_MATRIX[`${route.method} ${route.url}`];
      if (!entry) continue;
      const declared = route.roles === 'public' ? 'public' : [...route.roles].sort();
      const expected = entry.allowed === 'public' ? 'public' : [...entry.allowed].sort();
      expect(declared, `${route.method} ${route.url}`).toEqual(expected);
    }
  });

  it('answers 401 on every protected route without a token, with a forged one and with an expired one', async () => {
    const expired = f.ctx.app.jwt.sign({ sub: '1', sid: 'x' }, { expiresIn: -10 });
    for (const [key, entry] of protectedEntries) {
      const { method, url, body } = probeOf(key, entry);
      for (const authorization of [undefined, 'Bearer abc.def.ghi', `Bearer ${expired}`]) {
        const res = await f.ctx.app.inject({
          method,
          url,
          headers: authorization ? { authorization } : {},
          ...(body === undefined ? {} : { payload: body as object }),
        });
        expect(res.statusCode, `${key} with ${authorization ?? 'no token'}`).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
  });

  it('answers 403 to every role the matrix does not allow, before looking at the request', async () => {
    let checks = 0;
    for (const [key, entry] of protectedEntries) {
      const { method, url, body } = probeOf(key, entry);
      for (const role of ROLES.filter((r) => !entry.allowed.includes(r))) {
        const res = await send(f.callers[role], method, url, body);
        expect(res.statusCode, `${role} → ${key}`).toBe(403);
        checks += 1;
      }
    }
    expect(checks).toBeGreaterThan(50);
  });

  it('lets every allowed role through to in-scope records (reads answer 200)', async () => {
    for (const [key, entry] of protectedEntries.filter(([, e]) => !e.mutates)) {
      const { method, url, body } = probeOf(key, entry);
      for (const role of entry.allowed) {
        const res = await send(f.callers[role], method, url, body);
        if (method === 'GET') expect(res.statusCode, `${role} → ${key}: ${res.body}`).toBe(200);
        else expect([401, 403, 404, 500], `${role} → ${key}: ${res.body}`).not.toContain(res.statusCode);
      }
    }
  });

  it('answers 404 to scoped roles for records of another service, district or cooperative', async () => {
    let checks = 0;
    for (const [key, entry] of protectedEntries) {
      if (!entry.outOfScope) continue;
      const { method } = splitRoute(key);
      const url = entry.outOfScope.probe.url(f);
      const body = entry.outOfScope.probe.body ? entry.outOfScope.probe.body(f) : method === 'GET' ? undefined : {};
      for (const role of entry.outOfScope.roles) {
        const res = await send(f.callers[role], method, url, body);
        expect(res.statusCode, `${role} → ${key} out of scope: ${res.body}`).toBe(404);
        checks += 1;
      }
    }
    expect(checks).toBeGreaterThanOrEqual(20);
  });

  it('lets allowed roles call the routes that change state', async () => {
    for (const [key, entry] of protectedEntries.filter(([, e]) => e.mutates)) {
      for (const role of entry.allowed) {
        // Asked per role: a probe may give each caller a record of its own to change.
        const { method, url, body } = probeOf(key, entry);
        let caller = f.callers[role];
        if (entry.ownSession) {
          const login = await f.ctx.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: (await caller({ method: 'GET', url: '/api/me' })).json().username, password: 'Password-test-1' },
          });
          const token = login.json().accessToken as string;
          caller = (options) => f.ctx.app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } });
        }
        const res = await send(caller, method, url, body);
        // The records may already have moved on (the month has no intervention left to submit): 409 is a pass, refusal is not.
        expect([401, 403, 404, 500], `${role} → ${key}: ${res.body}`).not.toContain(res.statusCode);
      }
    }
  });
});
