// Test harness: a fresh app on a fresh in-memory database with the real migrations, a small
// set of reference data, one account per role, and helpers to sign in and call the API.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openMemoryDb, schema, type Db } from '@bds/db';
import { buildApp } from '@bds/server';
import { testConfig, type Config } from '@bds/server/config.ts';
import type { LogStream } from '@bds/server/logging.ts';
import { hashPassword } from '@bds/server/auth/passwords.ts';
import { clockAt, fiscalCodeCheckChar, systemClock, type Clock, type Role } from '@bds/shared';

export const PASSWORD = 'Password-test-1';
let passwordHash: Promise<string> | undefined;

export interface World {
  districts: { bologna: number; pianura: number };
  services: { navile: number; budrio: number; serdp: number };
  lots: { lot1: number; lot2: number };
  coops: { alfa: number; beta: number; gamma: number };
}

export async function seedWorld(db: Db): Promise<World> {
  const hash = await (passwordHash ??= hashPassword(PASSWORD));
  const d = (code: string, name: string) => db.insert(schema.districts).values({ code, name }).returning().get().id;
  const bologna = d('BOLOGNA', 'Città di Bologna');
  const pianura = d('PIANURA-EST', 'Pianura Est');
  const s = (code: string, kind: 'CSM' | 'NPIA' | 'SerDP', name: string, districtId: number) =>
    db.insert(schema.services).values({ code, kind, name, districtId }).returning().get().id;
  const navile = s('CSM-NAVILE', 'CSM', 'CSM Navile', bologna);
  const budrio = s('CSM-BUDRIO', 'CSM', 'CSM Budrio', pianura);
  const serdp = s('SERDP-BO', 'SerDP', 'SerDP Bologna', bologna);
  db.insert(schema.serviceAliases).values({ alias: 'CSM NAVILE', serviceId: navile }).run();
  const c = (name: string) => db.insert(schema.cooperatives).values({ name }).returning().get().id;
  const alfa = c('Coop Alfa (test)');
  const beta = c('Coop Beta (test)');
  const gamma = c('Coop Gamma (test)');
  const l = (number: number, kinds: ('CSM' | 'NPIA' | 'SerDP')[], members: number[]) => {
    const id = db
      .insert(schema.lots)
      .values({
        number,
        title: `Lotto ${number}`,
        tenderYear: 2024,
        serviceKinds: kinds,
        contractor: 'RTI test',
        hourlyRateCents: 2650,
        ceilingCents: 100_000_00,
      })
      .returning()
      .get().id;
    for (const cooperativeId of members) db.insert(schema.lotCooperatives).values({ lotId: id, cooperativeId }).run();
    return id;
  };
  const lot1 = l(1, ['CSM', 'NPIA'], [alfa, beta]);
  const lot2 = l(2, ['SerDP'], [gamma]);
  const u = (username: string, role: Role, scope: { serviceId?: number; districtId?: number; cooperativeId?: number } = {}) =>
    db
      .insert(schema.users)
      .values({ username, displayName: username, role, passwordHash: hash, ...scope })
      .run();
  u('admin', 'admin');
  u('manager', 'manager');
  u('cm.navile', 'case_manager', { serviceId: navile });
  u('cm.budrio', 'case_manager', { serviceId: budrio });
  u('uvm.bologna', 'uvm', { districtId: bologna });
  u('uvm.pianura', 'uvm', { districtId: pianura });
  u('coop.alfa', 'cooperative', { cooperativeId: alfa });
  u('coop.beta', 'cooperative', { cooperativeId: beta });
  u('sw.bologna', 'social_worker', { districtId: bologna });
  u('sw.pianura', 'social_worker', { districtId: pianura });
  return { districts: { bologna, pianura }, services: { navile, budrio, serdp }, lots: { lot1, lot2 }, coops: { alfa, beta, gamma } };
}

/**
 * The app's clock as a test moves it: real time, or the day the test pinned, until `setToday`;
 * `during` lets a fixture write on a day of its own and then gives the test's day back.
 */
export interface TestClock extends Clock {
  setToday(date: string): void;
  during<T>(date: string, write: () => Promise<T>): Promise<T>;
}

export function testClock(start: Clock = systemClock): TestClock {
  let base = start;
  let current = start;
  let writers = 0;
  return {
    now: () => current.now(),
    today: () => current.today(),
    setToday(date) {
      base = clockAt(date);
      if (writers === 0) current = base;
    },
    async during(date, write) {
      if (writers > 0 && current.today() !== date) throw new Error(`the clock is already held at ${current.today()}`);
      writers += 1;
      current = clockAt(date);
      try {
        return await write();
      } finally {
        writers -= 1;
        if (writers === 0) current = base;
      }
    },
  };
}

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  world: World;
  clock: TestClock;
  tokens: Map<string, string>;
  as(username: string): Promise<Caller>;
  close(): Promise<void>;
}

export type Caller = (options: InjectOptions) => Promise<LightMyRequestResponse>;

export interface ContextOptions {
  config?: Partial<Config>;
  logStream?: LogStream;
  /** Pins the app's "today" (real time otherwise); the test moves it through `ctx.clock`. */
  clock?: Clock;
  /** A migrated database to use instead of a fresh in-memory one (a file, for what only files do). */
  db?: Db;
}

export async function createTestContext(options: ContextOptions = {}): Promise<TestContext> {
  const db = options.db ?? openMemoryDb();
  const world = await seedWorld(db);
  const clock = testClock(options.clock);
  const app = await buildApp({ db, config: testConfig(options.config), logStream: options.logStream, clock });
  await app.ready();
  const tokens = new Map<string, string>();
  return {
    app,
    db,
    world,
    clock,
    tokens,
    async as(username: string) {
      let token = tokens.get(username);
      if (!token) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
        if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
        token = res.json<{ accessToken: string }>().accessToken;
        tokens.set(username, token);
      }
      const bearer = token;
      return (options: InjectOptions) => app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${bearer}` } });
    },
    async close() {
      await app.close();
      db.$client.close();
    },
  };
}

/** A valid codice fiscale built from a 15-character stem. */
export function fiscalCode(stem: string): string {
  return stem + fiscalCodeCheckChar(stem);
}

/** A valid codice fiscale of someone born on 1 January 1980, different for every `n` below 26^6. */
export function numberedFiscalCode(n: number, sex: 'F' | 'M'): string {
  let letters = '';
  for (let rest = n, i = 0; i < 6; i++, rest = Math.floor(rest / 26)) letters = String.fromCharCode(65 + (rest % 26)) + letters;
  return fiscalCode(`${letters}80A${sex === 'F' ? '41' : '01'}A944`);
}

let personCounter = 0;
/** A valid new person body; each call gives a different codice fiscale. */
export function personBody(districtId: number, overrides: Record<string, unknown> = {}) {
  personCounter += 1;
  const n = String(personCounter).padStart(3, '0');
  // The code carries the birth date and sex (a woman's day is written plus 40): born on 1 January 1980 unless told otherwise.
  const birthDate = typeof overrides.birthDate === 'string' ? overrides.birthDate : '1980-01-01';
  const [year = '1980', month = '01', dayOfMonth = '01'] = birthDate.split('-');
  const day = String(Number(dayOfMonth) + (overrides.sex === 'F' ? 40 : 0)).padStart(2, '0');
  const monthLetter = 'ABCDEHLMPRST'.charAt(Math.max(0, Number(month) - 1)) || 'A';
  return {
    fiscalCode: fiscalCode(`RSSMRA${year.slice(-2)}${monthLetter}${day}A${n}`),
    givenName: 'Mario',
    familyName: `Rossi${'abcdefghij'[personCounter % 10]}`,
    birthDate: '1980-01-01',
    sex: 'M',
    districtId,
    ...overrides,
  };
}

export function auditCount(db: Db): number {
  return (db.$client.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}

/**
 * The day the fixtures write their projects (`draftProject`): their lifecycle and evaluation dates
 * may precede it by the back-dating window at most.
 */
export const WRITTEN_ON = '2025-01-10';

/**
 * The day test projects are sent to the UVM: before every evaluation date the tests use, since
 * a lifecycle move cannot be dated before the previous one, and within the window of WRITTEN_ON.
 */
export const SUBMITTED_ON = '2025-01-02';

/** Moves every refresh-token rotation back a minute, past the window in which a retry gets a fresh pair. */
export function rotatedAMinuteAgo(db: Db): void {
  db.$client
    .prepare("UPDATE refresh_tokens SET rotated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-60 seconds') WHERE rotated_at IS NOT NULL")
    .run();
}
