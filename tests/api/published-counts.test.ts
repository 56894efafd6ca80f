// The department's published Lot 1 tables, recomputed from the demo projects through the API.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openMemoryDb, type Db } from '@bds/db';
import { DEMO_PASSWORD, PUBLISHED_SERVICE_ALIASES, seedDemoData, seedReferenceData } from '@bds/db/seed';
import { buildApp } from '@bds/server';
import { testConfig } from '@bds/server/config.ts';

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
