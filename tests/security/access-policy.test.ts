// Every role walked through the access policy and the route matrix together: the rows the
// policy's conditions select are exactly the ones its routes answer, the fields its replies carry
// are the ones the access table gives the role, the capabilities the client shows match the
// routes the server allows, and each scope has its own cache key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@bds/db';
import { can, receivedFields, type AccessObject, type Capability, type Role } from '@bds/shared';
import type { Principal } from '@bds/server/auth/principal.ts';
import { policyOf } from '@bds/server/access/policy.ts';
import { createFixtures, ROLES, ROLE_USERS, type Fixtures } from './fixtures.ts';
import { ROUTE_MATRIX } from './route-matrix.ts';
import { splitRoute } from './request.ts';

let f: Fixtures;
const principals = {} as Record<Role, Principal>;
beforeAll(async () => {
  f = await createFixtures();
  for (const role of ROLES) principals[role] = (await f.callers[role]({ method: 'GET', url: '/api/me' })).json();
});
afterAll(() => f.ctx.close());

const idsOf = (rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);

/** The object of the access table each read route of the matrix answers with. */
const REPLY_OBJECT: Record<string, { object: AccessObject; items: (body: unknown) => object[] }> = {
  'GET /api/ptris/:id': { object: 'project', items: (body) => [body as object] },
  'GET /api/ptris': { object: 'project', items: (body) => (body as { items: object[] }).items },
  'GET /api/persons/:id': { object: 'person', items: (body) => [body as object] },
  'GET /api/persons': { object: 'person', items: (body) => (body as { items: object[] }).items },
  'GET /api/ptris/:id/evaluations': { object: 'evaluation', items: (body) => body as object[] },
  'GET /api/ptris/:id/history': { object: 'history', items: (body) => body as object[] },
  'GET /api/interventions': { object: 'intervention', items: (body) => (body as { items: object[] }).items },
  'GET /api/cooperatives/:id/reports': { object: 'monthReport', items: (body) => (body as { months: object[] }).months },
  'GET /api/monthly-reports': { object: 'reportPart', items: (body) => (body as { items: object[] }).items },
  'GET /api/flats': { object: 'flat', items: (body) => (body as { items: object[] }).items },
  'GET /api/flats/:id': { object: 'stay', items: (body) => (body as { stays: object[] }).stays },
};

/** The route whose permission each capability of the client stands for. */
const CAPABILITY_ROUTE: Partial<Record<Capability, string>> = {
  registerPersons: 'POST /api/persons',
  writeProjects: 'PATCH /api/ptris/:id',
  readProjectHistory: 'GET /api/ptris/:id/history',
  evaluate: 'POST /api/ptris/:id/evaluations',
  recordInterventions: 'POST /api/ptris/:id/interventions',
  reviewMonths: 'POST /api/cooperatives/:id/reports/:month/review',
  reviewDepartmentParts: 'POST /api/cooperatives/:id/reports/:month/parts/:kind/review',
  readReviewCalendar: 'GET /api/reports/reviews-due',
  readReports: 'GET /api/reports/yearly-counts',
  readAudit: 'GET /api/audit',
  manageUsers: 'GET /api/users',
  manageReferenceData: 'POST /api/districts',
  maintainResources: 'POST /api/resources',
  readResourceReport: 'GET /api/reports/resources',
};

describe.each(ROLES)('the %s account', (role) => {
  it('reads exactly the projects, persons and interventions its policy selects', async () => {
    const { db } = f.ctx;
    const policy = policyOf(principals[role]);
    const call = f.callers[role];
    const everyProject = idsOf(db.select({ id: schema.ptris.id }).from(schema.ptris).all());
    const projects = idsOf(db.select({ id: schema.ptris.id }).from(schema.ptris).where(policy.ptris).all());
    const everyPerson = idsOf(db.select({ id: schema.persons.id }).from(schema.persons).all());
    const persons = idsOf(db.select({ id: schema.persons.id }).from(schema.persons).where(policy.persons).all());
    const interventions = idsOf(db.select({ id: schema.interventions.id }).from(schema.interventions).where(policy.interventions).all());
    expect(everyProject.length).toBeGreaterThanOrEqual(2);
    expect(projects, 'the in-scope project').toContain(f.mine.ptriId);
    for (const id of everyProject)
      expect((await call({ method: 'GET', url: `/api/ptris/${id}` })).statusCode, `project ${id}`).toBe(projects.includes(id) ? 200 : 404);
    for (const id of everyPerson)
      expect((await call({ method: 'GET', url: `/api/persons/${id}` })).statusCode, `person ${id}`).toBe(persons.includes(id) ? 200 : 404);
    expect(idsOf((await call({ method: 'GET', url: '/api/ptris?limit=100' })).json().items)).toEqual(projects);
    const interventionList = await call({ method: 'GET', url: '/api/interventions?limit=100' });
    if (ROUTE_MATRIX['GET /api/interventions']!.allowed.includes(role)) expect(idsOf(interventionList.json().items)).toEqual(interventions);
    else expect([interventionList.statusCode, interventions]).toEqual([403, []]);
  });

  it('receives no field the access table withholds from it, on every read route it may call', async () => {
    let checked = 0;
    for (const [key, entry] of Object.entries(ROUTE_MATRIX)) {
      const reply = REPLY_OBJECT[key];
      if (!reply || entry.allowed === 'public' || !entry.allowed.includes(role)) continue;
      const url = entry.probe?.url(f) ?? splitRoute(key).path;
      const res = await f.callers[role]({ method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      const received = receivedFields(role, reply.object);
      for (const item of reply.items(res.json())) {
        for (const field of Object.keys(item)) expect(received, `${url} has ${reply.object}.${field}`).toContain(field);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('is shown by the client what the route matrix lets it do', () => {
    for (const [capability, key] of Object.entries(CAPABILITY_ROUTE) as [Capability, string][]) {
      const allowed = ROUTE_MATRIX[key]?.allowed;
      expect(allowed, key).toBeDefined();
      expect(can(role, capability), `${capability} (${key})`).toBe(allowed !== 'public' && allowed!.includes(role));
    }
  });
});

describe('the policy cache key', () => {
  it('is one per role and scope: the same scope shares it, any other scope has its own', async () => {
    const others = ['cm.budrio', 'uvm.pianura', 'coop.beta', 'sw.pianura'];
    const users: Principal[] = [...ROLES.map((role) => principals[role])];
    for (const username of others) users.push((await (await f.ctx.as(username))({ method: 'GET', url: '/api/me' })).json());
    const scopeOf = (user: Principal) => `${user.role}|${user.serviceId}|${user.districtId}|${user.cooperativeId}`;
    for (const a of users) {
      for (const b of users) expect(policyOf(a).key === policyOf(b).key, `${a.username} / ${b.username}`).toBe(scopeOf(a) === scopeOf(b));
      // Another sign-in of the same account (another session) gets the same policy.
      expect(policyOf({ ...a, sessionId: 'another' })).toBe(policyOf(a));
    }
    expect(new Set(users.map((user) => user.username))).toEqual(new Set([...Object.values(ROLE_USERS), ...others]));
  });
});
