// Operations on the real server: an online backup while it writes, a restore that refuses to
// run under it, a graceful SIGTERM that lets in-flight requests finish, and the restored copy
// compared table by table, access log and its triggers included.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, migrateDb, schema } from '@bds/db';
import { serverRunning } from '@bds/db/backup';
import { buildApp } from '@bds/server';
import { testConfig } from '@bds/server/config.ts';
import { numberedFiscalCode } from '../api/helpers.ts';
import { orderedRows } from './db-checksum.ts';
import { api, DEMO_PASSWORD, freePort, REPO_ROOT, signIn, startServer, type ChildServer } from './child-server.ts';
import { waitFor } from '../wait-for.ts';

const dir = mkdtempSync(join(tmpdir(), 'bds-ops-'));
const databasePath = join(dir, 'bds.sqlite');
const backupPath = join(dir, 'copia.sqlite');
let server: ChildServer | undefined;
afterAll(() => {
  server?.process.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function cli(command: 'backup' | 'restore', file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'db/src/backup-cli.ts', command, file], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_PATH: databasePath },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

function tables(path: string): Map<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (row) => row.name,
    );
    return new Map(names.map((name) => [name, orderedRows(db, name)]));
  } finally {
    db.close();
  }
}

describe('backup, restore and shutdown of the running server', () => {
  it('backs up a busy database online, refuses to restore under the server, and stops gracefully on SIGTERM or a repeated SIGINT', async () => {
    server = await startServer(databasePath, await freePort());
    const base = server.base;
    const cm = await signIn(base, 'casemanager');
    const districts = (await api<{ id: number; code: string }[]>(base, cm, 'GET', '/api/districts')).json;
    const districtId = districts.find((d) => d.code === 'BOLOGNA')?.id ?? 0;
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        written += 1;
        await api(base, cm, 'POST', '/api/persons', {
          fiscalCode: numberedFiscalCode(written, 'M'),
          givenName: 'Bruno',
          familyName: 'Backup',
          birthDate: '1980-01-01',
          sex: 'M',
          districtId,
        });
      }
    })();
    await waitFor('a few writes before the backup starts', () => written > 3);
    const backup = await cli('backup', backupPath);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain('integrità ok');
    // The copy is a single file, with nothing beside it.
    expect(existsSync(`${backupPath}-wal`)).toBe(false);
    expect(existsSync(`${backupPath}-shm`)).toBe(false);
    const refused = await cli('restore', backupPath);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/fermalo prima del ripristino/);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(3);

    // SIGTERM with sign-ins in flight (argon2 keeps each busy for a while): all of them are answered.
    const inFlight = Array.from({ length: 6 }, () =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'manager', password: DEMO_PASSWORD }),
      }).then((res) => res.status),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.process.kill('SIGTERM');
    expect(await Promise.all(inFlight)).toEqual(Array(6).fill(200));
    expect(await server.exited).toBe(0);
    server = undefined;
    expect(serverRunning(databasePath)).toBe(false);
    expect(existsSync(`${databasePath}-wal`)).toBe(false);

    const live = tables(databasePath);
    const copy = tables(backupPath);
    expect((copy.get('persons') ?? []).length).toBeLessThanOrEqual((live.get('persons') ?? []).length);
    expect((copy.get('audit_log') ?? []).length).toBeGreaterThan(0);

    const restored = await cli('restore', backupPath);
    expect(restored.code, restored.output).toBe(0);
    const back = tables(databasePath);
    expect([...back.keys()]).toEqual([...copy.keys()]);
    for (const [name, rows] of copy) expect(back.get(name), name).toEqual(rows);

    const db = new Database(databasePath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow();
      expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow();
    } finally {
      db.close();
    }
    server = await startServer(databasePath, await freePort());
    const health = await fetch(`${server.base}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok', migrations: { current: true } });
    // Ctrl-C on `pnpm start` reaches the server twice: from the terminal and forwarded by pnpm.
    server.process.kill('SIGINT');
    server.process.kill('SIGINT');
    expect(await server.exited).toBe(0);
    server = undefined;
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
  }, 180_000);
});

describe('the health endpoint', () => {
  it('answers 503 while not ready and when migrations are missing, 200 with the migration count otherwise', async () => {
    const db = openDb(':memory:');
    migrateDb(db);
    let ready = false;
    const app = await buildApp({ db, config: testConfig(), isReady: () => ready });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
      ready = true;
      const ok = await app.inject({ method: 'GET', url: '/api/health' });
      expect(ok.statusCode).toBe(200);
      const { migrations } = ok.json();
      expect(migrations.applied).toBe(migrations.expected);
      db.$client.prepare('DELETE FROM __drizzle_migrations WHERE rowid = (SELECT MAX(rowid) FROM __drizzle_migrations)').run();
      const behind = await app.inject({ method: 'GET', url: '/api/health' });
      expect(behind.statusCode).toBe(503);
      expect(behind.json().detail).toMatch(/Migrazioni/);
      expect(db.select().from(schema.users).all()).toEqual([]);
    } finally {
      await app.close();
      db.$client.close();
    }
  });
});
