import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jwtSecretPath, loadConfig } from '@bds/server/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'bds-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('has working defaults for a development machine', () => {
    const config = loadConfig({ JWT_SECRET: 'a-real-secret-of-at-least-32-characters!' });
    expect(config).toMatchObject({ port: 3000, env: 'development', demoData: true, accessTokenSeconds: 900 });
    expect(config.databasePath).toMatch(/data\/bds\.sqlite$/);
  });

  it('turns demo data off in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-at-least-32-characters!' });
    expect(config.demoData).toBe(false);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });
});

describe('the token secret, when JWT_SECRET is not given', () => {
  it('is generated at the first start, kept beside the database for its owner only, and the same at the next start', () => {
    for (const env of ['development', 'production'] as const) {
      const databasePath = join(dir, env, 'new-folder', 'bds.sqlite');
      const first = loadConfig({ NODE_ENV: env, DATABASE_PATH: databasePath });
      expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
      expect(statSync(jwtSecretPath(databasePath)).mode & 0o777).toBe(0o600);
      expect(readFileSync(jwtSecretPath(databasePath), 'utf8')).toBe(first.jwtSecret);
      expect(loadConfig({ NODE_ENV: env, DATABASE_PATH: databasePath }).jwtSecret).toBe(first.jwtSecret);
    }
  });

  it('differs from one database to another: no secret is written in the source', () => {
    const a = loadConfig({ DATABASE_PATH: join(dir, 'a', 'bds.sqlite') }).jwtSecret;
    const b = loadConfig({ DATABASE_PATH: join(dir, 'b', 'bds.sqlite') }).jwtSecret;
    expect(a).not.toBe(b);
  });

  it('is refused when others may read its file', () => {
    const databasePath = join(dir, 'open', 'bds.sqlite');
    loadConfig({ DATABASE_PATH: databasePath });
    chmodSync(jwtSecretPath(databasePath), 0o644);
    expect(() => loadConfig({ DATABASE_PATH: databasePath })).toThrow(/chmod 600/);
  });
});
