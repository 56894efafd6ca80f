import { describe, expect, it } from 'vitest';
import { loadConfig } from '@bds/server/config.ts';

describe('configuration', () => {
  it('has working defaults for a development machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, env: 'development', demoData: true, accessTokenSeconds: 900 });
    expect(config.databasePath).toMatch(/data\/bds\.sqlite$/);
  });

  it('refuses to start in production with the default JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-at-least-32-characters!' });
    expect(config.demoData).toBe(false);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });
});
