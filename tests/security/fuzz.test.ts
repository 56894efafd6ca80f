// Property-based attack on every write route: generated hostile bodies never get a 5xx, every
// refusal is problem+json with a client status, and a refused request changes no table (the
// access log aside). FUZZ_RUNS sets the bodies per route (default 60; the long run uses 1000).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@bds/shared';
import { personBody, PASSWORD } from '../api/helpers.ts';
import { approvingEvaluation, ptriBody } from '../api/ptri-fixtures.ts';
import { createFixtures, INTERVENTION, sharedDraft, type Fixtures } from './fixtures.ts';
import { COMMUNITY_SESSION, FLAT_WORK, ROUTE_MATRIX, socialLineUrl } from './route-matrix.ts';
import { activityBody } from '../api/community-helpers.ts';
import { splitRoute } from './request.ts';
import { changedTables, tableChecksums } from './db-checksum.ts';
import { hostileCsv, hostileRequest, type FuzzRequest } from './fuzz-bodies.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const REFUSALS = [400, 401, 403, 404, 409, 413, 415, 422];
/** An account no fuzzed request signs in with, so resets and role changes cannot lock the fuzzer out. */
const TARGET_USER = 6;

let f: Fixtures;
let draft: { ptriId: number; proposalId: number };
beforeAll(async () => {
  f = await createFixtures();
  draft = await sharedDraft(f);
});
afterAll(() => f.ctx.close());

/** A valid body of each write route (the fuzzer breaks it), and the path it is sent to. */
function validRequests(): Record<string, { url?: string; body: unknown }> {
  const version = () =>
    (f.ctx.db.$client.prepare('SELECT version FROM ptris WHERE id = ?').get(f.mine.ptriId) as { version: number }).version;
  const revision = () =>
    (f.ctx.db.$client.prepare('SELECT revision FROM ptris WHERE id = ?').get(f.mine.ptriId) as { revision: number }).revision;
  return {
    'POST /api/auth/login': { body: { username: 'cm.navile', password: 'non-la-password-1' } },
    'POST /api/auth/refresh': { body: { refreshToken: 'x'.repeat(43) } },
    'POST /api/auth/password': { body: { currentPassword: 'non-la-password-1', newPassword: 'Nuova-password-22' } },
    'POST /api/users': { body: { username: 'nuovo.utente', displayName: 'Nuovo', role: 'manager', password: 'Password-nuova-1' } },
    'PATCH /api/users/:id': { url: `/api/users/${TARGET_USER}`, body: { displayName: 'Nome', role: 'uvm', districtId: 1, active: true } },
    'POST /api/users/:id/password-reset': {
      url: `/api/users/${TARGET_USER}/password-reset`,
      body: { temporaryPassword: 'Temporanea-2025' },
    },
    'POST /api/districts': { body: { code: 'NUOVO', name: 'Nuovo distretto' } },
    'PATCH /api/districts/:id': { url: '/api/districts/1', body: { name: 'Città di Bologna' } },
    'POST /api/services': { body: { code: 'CSM-NUOVO', kind: 'CSM', name: 'CSM Nuovo', districtId: 1, aliases: ['CSM NUOVO'] } },
    'PATCH /api/services/:id': { url: '/api/services/1', body: { name: 'CSM Navile', aliases: ['CSM NAVILE'] } },
    'POST /api/cooperatives': { body: { name: 'Coop Nuova' } },
    'PATCH /api/cooperatives/:id': { url: '/api/cooperatives/1', body: { name: 'Coop Alfa (test)' } },
    'POST /api/lots': {
      body: {
        number: 3,
        title: 'Lotto 3',
        tenderYear: 2024,
        tenderStart: '2024-01-01',
        tenderEnd: '2027-12-31',
        serviceKinds: ['CSM'],
        contractor: 'RTI',
        cooperativeIds: [1],
        hourlyRate: 25,
        ceiling: 1000,
      },
    },
    'PATCH /api/lots/:id': { url: '/api/lots/1', body: { title: 'Lotto 1', hourlyRate: 26.5 } },
    'POST /api/activities': { body: { axis: 'work', label: 'Nuova attività', active: true } },
    'PATCH /api/activities/:id': { url: '/api/activities/1', body: { label: "Accompagnamento all'abitare", active: true } },
    'POST /api/scales': { body: { code: 'NUOVA', name: 'Nuova scala', items: 3, min: 0, max: 4 } },
    'PATCH /api/scales/:id': { url: '/api/scales/1', body: { name: 'HoNOS' } },
    'POST /api/persons': { body: personBody(f.ctx.world.districts.bologna) },
    'POST /api/persons/:id/take-in-care': {
      url: `/api/persons/${f.other.personId}/take-in-care`,
      body: { reason: 'Trasferimento dal servizio di residenza' },
    },
    'POST /api/ptris': { body: ptriBody(f.ctx, f.mine.personId) },
    'PATCH /api/ptris/:id': {
      url: `/api/ptris/${f.mine.ptriId}`,
      body: { version: version(), intensity: 'low', goals: [{ axis: 'work', description: 'Tirocinio' }] },
    },
    'POST /api/ptris/:id/transitions': {
      url: `/api/ptris/${f.mine.ptriId}/transitions`,
      body: { to: 'suspended', reason: 'Ricovero', date: '2025-03-01' },
    },
    'POST /api/ptris/:id/evaluations': {
      url: `/api/ptris/${f.mine.ptriId}/evaluations`,
      body: { ...approvingEvaluation, kind: 'review', date: '2025-06-01', nextReviewDate: '2025-12-01', notes: 'Nota' },
    },
    'POST /api/ptris/:id/signatures': {
      url: `/api/ptris/${f.mine.ptriId}/signatures`,
      body: { revision: revision(), signer: 'guardian', name: 'Anna Bianchi', date: '2025-03-01', method: 'in_person' },
    },
    'POST /api/ptris/:id/share': { url: `/api/ptris/${draft.ptriId}/share`, body: {} },
    'POST /api/ptris/:id/proposals': {
      url: `/api/ptris/${draft.ptriId}/proposals`,
      body: {
        goals: [{ axis: 'work', description: 'Tirocinio in una ditta del quartiere', targetDate: '2025-09-30' }],
        budgetLines: [
          { axis: 'work', source: 'private', description: 'Borsa lavoro della fondazione', amount: 900, resourceId: f.resourceId },
        ],
        note: 'Proposta',
      },
    },
    'POST /api/ptris/:id/proposals/:proposalId/decision': {
      url: `/api/ptris/${draft.ptriId}/proposals/${draft.proposalId}/decision`,
      body: { decision: 'declined', note: 'Non nel distretto' },
    },
    'POST /api/ptris/:id/budget-lines/:lineId/confirmation': {
      url: socialLineUrl('mine')(f),
      body: { decision: 'declined', note: 'Fondi del quartiere esauriti' },
    },
    'PUT /api/persons/:id/benefits': {
      url: `/api/persons/${f.mine.personId}/benefits`,
      body: [{ kind: 'attendance_allowance', monthlyAmount: 542.02, from: '2024-01-01', to: null }],
    },
    'POST /api/ptris/:id/follow-ups': {
      url: `/api/ptris/${f.mine.ptriId}/follow-ups`,
      body: { date: '2025-06-01', living: 'supported_housing', work: 'internship', note: 'Telefonata' },
    },
    'POST /api/ptris/:id/interventions': { url: `/api/ptris/${f.mine.ptriId}/interventions`, body: { ...INTERVENTION, notes: 'nota' } },
    'PATCH /api/interventions/:id': { url: `/api/interventions/${f.mine.interventionId}`, body: { hours: 1.5, notes: 'corretto' } },
    'DELETE /api/interventions/:id': { url: `/api/interventions/${f.mine.interventionId}`, body: {} },
    'POST /api/cooperatives/:id/reports/:month/submit': {
      url: `/api/cooperatives/${f.mine.cooperativeId}/reports/2025-02/submit`,
      body: {},
    },
    'POST /api/cooperatives/:id/reports/:month/review': {
      url: `/api/cooperatives/${f.mine.cooperativeId}/reports/2025-02/review`,
      body: { decision: 'returned', note: 'Manca la firma' },
    },
    'POST /api/community-activities': { body: activityBody(f.ctx, { description: 'Descrizione' }) },
    'PATCH /api/community-activities/:id': {
      url: `/api/community-activities/${f.mine.activityId}`,
      body: { place: 'Biblioteca', to: '2026-12-31', description: 'Nuova descrizione' },
    },
    'POST /api/community-activities/:id/enrolments': {
      url: `/api/community-activities/${f.mine.activityId}/enrolments`,
      body: { ptriId: f.mine.ptriId },
    },
    'DELETE /api/community-activities/:id/enrolments/:ptriId': {
      url: `/api/community-activities/${f.mine.activityId}/enrolments/${f.mine.ptriId}`,
      body: {},
    },
    'POST /api/community-activities/:id/sessions': {
      url: `/api/community-activities/${f.mine.activityId}/sessions`,
      body: { ...COMMUNITY_SESSION, attendeePtriIds: [f.mine.ptriId], note: 'Nota' },
    },
    'POST /api/cooperatives/:id/reports/:month/parts/:kind/review': {
      url: `/api/cooperatives/${f.mine.cooperativeId}/reports/2025-02/parts/flats/review`,
      body: { decision: 'returned', note: 'Ore notturne da dettagliare' },
    },
    'POST /api/flats': {
      body: {
        name: 'Casa Nuova',
        districtId: 1,
        address: 'Via Nuova 1',
        places: 3,
        lotId: f.flats.lotId,
        cooperativeId: f.mine.cooperativeId,
        openedOn: '2024-01-01',
      },
    },
    'PATCH /api/flats/:id': { url: `/api/flats/${f.flats.mine.flatId}`, body: { places: 4, closedOn: null } },
    'POST /api/flats/:id/stays': {
      url: `/api/flats/${f.flats.mine.flatId}/stays`,
      body: { ptriId: f.flats.mine.ptriId, from: '2025-09-01' },
    },
    'POST /api/stays/:id/end': {
      url: `/api/stays/${f.flats.mine.stayId}/end`,
      body: { date: '2025-03-01', destination: 'family', note: 'Nota' },
    },
    'POST /api/flats/:id/interventions': { url: `/api/flats/${f.flats.mine.flatId}/interventions`, body: { ...FLAT_WORK, notes: 'nota' } },
    'PATCH /api/stays/:id': { url: `/api/stays/${f.flats.mine.stayId}`, body: { from: '2025-02-01', to: null } },
    'DELETE /api/stays/:id': { url: `/api/stays/${f.flats.mine.stayId}`, body: {} },
    'PATCH /api/flat-interventions/:id': {
      url: `/api/flat-interventions/${f.flats.mine.workId}`,
      body: { ...FLAT_WORK, date: '2025-04-09', notes: 'nota' },
    },
    'DELETE /api/flat-interventions/:id': { url: `/api/flat-interventions/${f.flats.mine.workId}`, body: {} },
    'POST /api/imports/caseload': { url: '/api/imports/caseload?dryRun=false&fileName=fuzz.csv', body: {} },
    'POST /api/resources': {
      body: {
        name: 'Laboratorio di ceramica',
        kind: 'group',
        axis: 'sociality',
        districtIds: [f.ctx.world.districts.bologna],
        provider: 'Terre Cotte APS',
        providerKind: 'ets',
        runtsNumber: '4521',
        contact: 'ceramica@example.org',
      },
    },
    'PATCH /api/resources/:id': {
      url: `/api/resources/${f.resourceId}`,
      body: { name: 'Orto condiviso', districtIds: [f.ctx.world.districts.bologna], active: true },
    },
  };
}

/** Routes that take no input the fuzzer could vary, or whose only effect is on the caller's own session. */
const NOT_FUZZED = new Set(['POST /api/auth/logout']);
const CSV_ROUTE = 'POST /api/cooperatives/:id/reports/:month/upload';

const writeRoutes = Object.entries(ROUTE_MATRIX).filter(([key]) => splitRoute(key).method !== 'GET' && !NOT_FUZZED.has(key));
const stats = { requests: 0, accepted: 0, byStatus: new Map<number, number>() };

describe('hostile request bodies', () => {
  it('cover every write route', () => {
    const templates = validRequests();
    for (const [key] of writeRoutes) if (key !== CSV_ROUTE) expect(templates, key).toHaveProperty([key]);
  });

  it.each(writeRoutes.map(([key, entry]) => [key, entry] as const))(
    `%s: ${RUNS} bodies, no 5xx, refusals are problem+json and write nothing`,
    async (key, entry) => {
      const { method, path } = splitRoute(key);
      const role: Role | null = entry.allowed === 'public' ? null : (entry.allowed[0] ?? null);
      const template = validRequests()[key];
      const url = key === CSV_ROUTE ? `/api/cooperatives/${f.mine.cooperativeId}/reports/2025-03/upload` : (template?.url ?? path);
      const arbitrary = key === CSV_ROUTE ? hostileCsv(f.mine.ptriId) : hostileRequest(template?.body ?? {});
      let before = tableChecksums(f.ctx.db);
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ contentType, payload }: FuzzRequest) => {
          const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
          const options = { method, url, headers, payload, remoteAddress: `10.9.${stats.requests % 250}.1` };
          const res = role ? await f.callers[role](options) : await f.ctx.app.inject(options);
          stats.requests += 1;
          stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
          const after = tableChecksums(f.ctx.db);
          if (res.statusCode < 300) {
            stats.accepted += 1;
            before = after;
            return;
          }
          expect(REFUSALS, `${key} ← ${contentType} ${payload.slice(0, 200)} → ${res.body.slice(0, 300)}`).toContain(res.statusCode);
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(changedTables(before, after), `${key} refused with ${res.statusCode} but wrote`).toEqual([]);
        }),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      );
    },
    120_000,
  );

  it('leave the signed-in accounts working (no body locked the fuzzer out)', async () => {
    expect((await f.callers.admin({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect(
      (await f.ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'manager', password: PASSWORD } })).statusCode,
    ).toBe(200);
    console.info(
      `fuzz: ${stats.requests} requests on ${writeRoutes.length} write routes, ${stats.accepted} accepted, statuses ${JSON.stringify(Object.fromEntries(stats.byStatus))}`,
    );
  });
});

describe('search and filter parameters', () => {
  const META = ["'", '"', '%', '_', '\\', ';', '--', '/*', "' OR '1'='1", '%25', '1; DROP TABLE persons', ')', 'NULL', '\u0000', '*'];
  const queries = (value: string) => {
    const v = encodeURIComponent(value);
    return [
      `/api/persons?q=${v}`,
      `/api/ptris?status=${v}`,
      `/api/ptris?serviceId=${v}&activeIn=${v}`,
      `/api/interventions?month=${v}&cooperativeId=${v}`,
      `/api/audit?entity=${v}&from=${v}`,
      `/api/reports/yearly-counts?year=${v}&lot=${v}`,
      `/api/reports/caseload?date=${v}`,
      `/api/reports/reviews-due?within=${v}`,
      `/api/ptris?signaturePending=${v}`,
      `/api/reports/budget-composition?year=${v}&serviceId=${v}&districtId=${v}`,
      `/api/persons?cursor=${v}`,
      `/api/community-activities?districtId=${v}&axis=${v}`,
      `/api/community-activities?cursor=${v}`,
      `/api/community-activities/${f.mine.activityId}/sessions?cursor=${v}&limit=${v}`,
      `/api/reports/community-activities?year=${v}&districtId=${v}`,
      `/api/reports/community-activities?year=2025&cursor=${v}&limit=${v}`,
      `/api/resources?q=${v}`,
      `/api/resources?q=${v}&districtId=${v}&axis=${v}`,
      `/api/resources?cursor=${v}`,
      `/api/social-workers?districtId=${v}`,
      `/api/social-workers?districtId=${f.ctx.world.districts.bologna}&cursor=${v}&limit=${v}`,
    ];
  };

  it('with SQL metacharacters answer 200 or 400, change nothing, and stay inside the scope', async () => {
    const before = tableChecksums(f.ctx.db);
    for (const value of META) {
      for (const url of queries(value)) {
        for (const role of ['admin', 'case_manager', 'social_worker'] as const) {
          const res = await f.callers[role]({ method: 'GET', url });
          expect([200, 400, 403], `${role} ${url}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        }
      }
      const found = (await f.callers.case_manager({ method: 'GET', url: `/api/persons?q=${encodeURIComponent(value)}` })).json() as {
        items: { id: number }[];
      };
      for (const item of found.items ?? []) expect(item.id, `q=${value}`).toBe(f.mine.personId);
      const resident = (await f.callers.social_worker({ method: 'GET', url: `/api/persons?q=${encodeURIComponent(value)}` })).json() as {
        items: { id: number }[];
      };
      for (const item of resident.items ?? []) expect(item.id, `social worker q=${value}`).toBe(f.mine.personId);
    }
    expect(changedTables(before, tableChecksums(f.ctx.db))).toEqual([]);
  });
});
