// The department's published Lot 1 tables, recomputed from the demo projects through the API.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { openMemoryDb, type Db } from '@bds/db';
import { DEMO_PASSWORD, PUBLISHED_SERVICE_ALIASES, seedDemoData, seedReferenceData } from '@bds/db/seed';
import { buildApp } from '@bds/server';
import { testConfig } from '@bds/server/config.ts';
import { clockAt } from '@bds/shared';
import { personBody } from './helpers.ts';
import { expectRefusal } from './expect-refusal.ts';

const published = parse(readFileSync(new URL('../fixtures/lot1-users-by-service.csv', import.meta.url)), {
  columns: true,
  skip_empty_lines: true,
}) as { year: string; service: string; users: string }[];

let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  db = openMemoryDb();
  seedReferenceData(db);
  await seedDemoData(db);
  app = await buildApp({ db, config: testConfig() });
  // Seeding the demo takes seconds, more on a machine shared by parallel runs (as demo-figures allows).
}, 120_000);
afterAll(async () => {
  await app.close();
  db.$client.close();
});

async function tokenOf(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  return res.json().accessToken as string;
}

describe.each([2024, 2025])('the published Lot 1 table of %i', (year) => {
  it('is reproduced row by row and in total by GET /api/reports/yearly-counts', async () => {
    const token = await tokenOf('manager');
    const res = await app.inject({
      method: 'GET',
      url: `/api/reports/yearly-counts?year=${year}&lot=1`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    const report = res.json() as { rows: { serviceCode: string; users: number }[]; total: number };
    const expected = published.filter((row) => Number(row.year) === year);
    const byCode = new Map(report.rows.map((row) => [row.serviceCode, row.users]));
    for (const row of expected) {
      const code = PUBLISHED_SERVICE_ALIASES[row.service];
      expect(code, row.service).toBeDefined();
      expect(byCode.get(code!), row.service).toBe(Number(row.users));
    }
    expect(report.rows).toHaveLength(expected.length);
    expect(report.total).toBe(expected.reduce((sum, row) => sum + Number(row.users), 0));
  });
});

describe('the yearly counts report', () => {
  it('gives the same table as CSV that an Italian spreadsheet opens', async () => {
    const token = await tokenOf('manager');
    const res = await app.inject({
      method: 'GET',
      url: '/api/reports/yearly-counts?year=2024&lot=1&format=csv',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parse(res.body.slice(1), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Codice servizio', 'Servizio', 'NR_UT']);
    expect(rows.at(-1)).toEqual(['', 'Totale n. utenti', '650']);
    expect(rows).toHaveLength(15 + 2);
  });

  it('shows a case manager only their own service', async () => {
    const token = await tokenOf('casemanager');
    const res = await app.inject({
      method: 'GET',
      url: '/api/reports/yearly-counts?year=2024&lot=1',
      headers: { authorization: `Bearer ${token}` },
    });
    const report = res.json();
    expect(report.rows).toEqual([expect.objectContaining({ serviceCode: 'CSM-NAVILE', users: 53 })]);
    expect(report.total).toBe(53);
  });

  it('is refused to cooperatives and UVM, and validates its parameters', async () => {
    for (const user of ['coop', 'uvm']) {
      const token = await tokenOf(user);
      const res = await app.inject({
        method: 'GET',
        url: '/api/reports/yearly-counts?year=2024&lot=1',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode, user).toBe(403);
    }
    const token = await tokenOf('manager');
    const bad = await app.inject({
      method: 'GET',
      url: '/api/reports/yearly-counts?year=abc',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('year');
  });
});

describe('an outside probe that back-dates a project into 1990 (issue 19)', () => {
  it('is refused at every step, and the published 2024 table stays 650', async () => {
    // Its own app on the demo database, with the day pinned.
    const probe = await buildApp({ db, config: testConfig(), clock: clockAt('2026-12-06') });
    try {
      const login = async (username: string) => {
        const res = await probe.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
        const token = res.json<{ accessToken: string }>().accessToken;
        return (options: InjectOptions) => probe.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } });
      };
      const cm = await login('casemanager');
      const uvm = await login('uvm');
      const coop = await login('coop');
      const me = (await cm({ method: 'GET', url: '/api/me' })).json<{ serviceId: number }>();
      const { cooperativeId } = (await coop({ method: 'GET', url: '/api/me' })).json<{ cooperativeId: number }>();
      const district = (await cm({ method: 'GET', url: '/api/districts' }))
        .json<{ id: number; code: string }[]>()
        .find((d) => d.code === 'BOLOGNA')!;
      const lot = (await cm({ method: 'GET', url: '/api/lots' }))
        .json<{ id: number; number: number; tenderStart: string; cooperativeIds: number[] }[]>()
        .filter((l) => l.number === 1 && l.cooperativeIds.includes(cooperativeId))
        .sort((a, b) => (a.tenderStart < b.tenderStart ? 1 : -1))[0]!;
      const person = (await cm({ method: 'POST', url: '/api/persons', payload: personBody(district.id) })).json<{ id: number }>();
      const project = (startDate: string, endDate: string) => ({
        personId: person.id,
        serviceId: me.serviceId,
        lotId: lot.id,
        startDate,
        endDate,
        intensity: 'high',
        cooperativeIds: [cooperativeId],
        goals: [{ axis: 'habitat', description: 'Sonda' }],
      });

      expectRefusal(await cm({ method: 'POST', url: '/api/ptris', payload: project('0001-01-01', '9999-12-31') }), 400, [
        'startDate',
        'endDate',
      ]);
      expectRefusal(await cm({ method: 'POST', url: '/api/ptris', payload: project('1990-01-01', '1990-12-31') }), 400, ['startDate']);

      // The probe's project as the tender allows it, then its 1990 dates one by one.
      const created = await cm({ method: 'POST', url: '/api/ptris', payload: project(lot.tenderStart, '2027-06-30') });
      expect(created.statusCode, created.body).toBe(201);
      const url = `/api/ptris/${created.json<{ id: number }>().id}`;
      expectRefusal(await cm({ method: 'POST', url: `${url}/transitions`, payload: { to: 'submitted', date: '1990-01-01' } }), 400, [
        'date',
      ]);
      expect((await cm({ method: 'POST', url: `${url}/transitions`, payload: { to: 'submitted' } })).statusCode).toBe(200);
      const { revision } = (await cm({ method: 'GET', url })).json<{ revision: number }>();
      const signature = { revision, signer: 'person', name: 'Sonda', date: '2026-12-06', method: 'paper' };
      expect((await cm({ method: 'POST', url: `${url}/signatures`, payload: signature })).statusCode).toBe(201);
      const evaluation = { kind: 'initial', members: [{ name: 'UVM', role: 'UVM', organisation: 'health_service' }], outcome: 'approved' };
      expectRefusal(await uvm({ method: 'POST', url: `${url}/evaluations`, payload: { ...evaluation, date: '1990-01-02' } }), 400, [
        'date',
      ]);
      expect((await uvm({ method: 'POST', url: `${url}/evaluations`, payload: { ...evaluation, date: '2026-12-06' } })).statusCode).toBe(
        201,
      );
      const work = await coop({
        method: 'POST',
        url: `${url}/interventions`,
        payload: { date: '1990-06-15', axis: 'habitat', activity: "Accompagnamento all'abitare", hours: 24, operatorRole: 'Educatore' },
      });
      expect(work.statusCode, work.body).toBe(400);
      expect(work.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain('date');

      const counts = await (await login('manager'))({ method: 'GET', url: '/api/reports/yearly-counts?year=2024&lot=1' });
      expect(counts.json<{ total: number }>().total).toBe(650);
    } finally {
      await probe.close();
    }
  });
});
