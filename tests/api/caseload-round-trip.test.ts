// The demo's whole caseload exported and imported into a database with the reference data and
// the accounts only: the published Lot 1 tables (650 users in 2024, 704 in 2025) come out again.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openMemoryDb, schema, type Db } from '@bds/db';
import { DEMO_PASSWORD, demoAccounts, seedDemoData, seedReferenceData } from '@bds/db/seed';
import { buildApp } from '@bds/server';
import { testConfig } from '@bds/server/config.ts';
import { hashPassword } from '@bds/server/auth/passwords.ts';

interface Instance {
  db: Db;
  app: FastifyInstance;
  token: string;
}

async function start(db: Db): Promise<Instance> {
  const app = await buildApp({ db, config: testConfig() });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
  return { db, app, token: login.json<{ accessToken: string }>().accessToken };
}

/** The accounts the demo has, with the case managers the spreadsheet names, and nothing else. */
async function seedAccounts(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const id = (sql: string, key: string | undefined) => (key ? (db.$client.prepare(sql).get(key) as { id: number }).id : null);
  for (const account of demoAccounts()) {
    db.insert(schema.users)
      .values({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        passwordHash,
        serviceId: id('SELECT id FROM services WHERE code = ?', account.serviceCode),
        districtId: id('SELECT id FROM districts WHERE code = ?', account.districtCode),
        cooperativeId: id('SELECT id FROM cooperatives WHERE name = ?', account.cooperativeName),
      })
      .run();
  }
}

const call = (instance: Instance, url: string) =>
  instance.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${instance.token}` } });

async function yearlyTable(instance: Instance, year: number) {
  const res = await call(instance, `/api/reports/yearly-counts?year=${year}&lot=1`);
  return res.json<{ rows: { serviceCode: string; users: number }[]; total: number }>();
}

let demo: Instance;
let empty: Instance;
let exported: Buffer;

beforeAll(async () => {
  const demoDb = openMemoryDb();
  seedReferenceData(demoDb);
  await seedDemoData(demoDb);
  demo = await start(demoDb);
  const emptyDb = openMemoryDb();
  seedReferenceData(emptyDb);
  await seedAccounts(emptyDb);
  empty = await start(emptyDb);
  exported = (await call(demo, '/api/exports/caseload?format=csv')).rawPayload;
}, 120_000);
afterAll(async () => {
  for (const instance of [demo, empty]) {
    await instance.app.close();
    instance.db.$client.close();
  }
});

const published = parse(readFileSync(new URL('../fixtures/lot1-users-by-service.csv', import.meta.url)), { columns: true }) as {
  year: string;
  users: string;
}[];

describe('the caseload round trip', () => {
  it('brings the whole demo caseload into an empty database, and the Lot 1 tables come out again row by row', async () => {
    const projects = (parse(exported.subarray(3), { delimiter: ';' }) as string[][]).length - 1;
    const res = await empty.app.inject({
      method: 'POST',
      url: '/api/imports/caseload?dryRun=false&fileName=carichi-demo.csv',
      headers: { authorization: `Bearer ${empty.token}`, 'content-type': 'text/csv' },
      payload: exported,
    });
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
    expect(res.json()).toMatchObject({ errors: [], projects: { new: projects, present: 0 } });
    for (const year of [2024, 2025]) {
      const before = await yearlyTable(demo, year);
      const after = await yearlyTable(empty, year);
      expect(after.rows).toEqual(before.rows);
      expect(after.total).toBe(published.filter((row) => Number(row.year) === year).reduce((sum, row) => sum + Number(row.users), 0));
    }
    expect((await yearlyTable(empty, 2024)).total).toBe(650);
    expect((await yearlyTable(empty, 2025)).total).toBe(704);
  }, 120_000);

  it('changes nothing when the same file comes in a second time', async () => {
    const count = () =>
      empty.db.$client
        .prepare(
          'SELECT (SELECT COUNT(*) FROM persons) AS persons, (SELECT COUNT(*) FROM ptris) AS ptris, (SELECT COUNT(*) FROM goals) AS goals',
        )
        .get();
    const before = count();
    const res = await empty.app.inject({
      method: 'POST',
      url: '/api/imports/caseload?dryRun=false&fileName=carichi-demo.csv',
      headers: { authorization: `Bearer ${empty.token}`, 'content-type': 'text/csv' },
      payload: exported,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ persons: { new: 0 }, projects: { new: 0 }, errors: [] });
    expect(count()).toEqual(before);
    expect((await yearlyTable(empty, 2024)).total).toBe(650);
  }, 120_000);
});
