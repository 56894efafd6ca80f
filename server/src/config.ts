// The server's configuration, parsed from the environment once at start.
import { z } from 'zod';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_JWT_SECRET = 'development-only-secret-change-me-0123456789';

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_PATH: z.string().min(1).default(resolve(repoRoot, 'data/bds.sqlite')),
    JWT_SECRET: z.string().min(32, { error: 'JWT_SECRET: almeno 32 caratteri' }).default(DEFAULT_JWT_SECRET),
    /** Seed demo data and demo accounts into an empty database. */
    DEMO_DATA: z.enum(['true', 'false']).optional(),
    /** Origins allowed to call the API from another site, comma-separated; none when unset. */
    CORS_ORIGIN: z.string().optional(),
    /** Sign-in attempts allowed per client address per minute. */
    LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
    /** Sign-in attempts allowed per username per 15 minutes, from any address. */
    LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEFAULT_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'in produzione JWT_SECRET deve essere impostato' });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databasePath: string;
  jwtSecret: string;
  demoData: boolean;
  corsOrigins: string[];
  loginRateLimit: { perAddress: number; perAccount: number };
  logLevel: string;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  clientDist: string;
  version: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Configurazione non valida:\n${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    jwtSecret: e.JWT_SECRET,
    demoData: e.DEMO_DATA ? e.DEMO_DATA === 'true' : e.NODE_ENV !== 'production',
    corsOrigins: (e.CORS_ORIGIN ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    loginRateLimit: { perAddress: e.LOGIN_MAX_PER_ADDRESS, perAccount: e.LOGIN_MAX_PER_ACCOUNT },
    logLevel: e.LOG_LEVEL,
    accessTokenSeconds: 15 * 60,
    refreshTokenDays: 14,
    clientDist: resolve(repoRoot, 'client/dist'),
    version: '0.1.0',
  };
}

/** A configuration for tests: in-memory friendly, quiet, fixed secret, sign-in limits out of the way. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  return { ...config, loginRateLimit: { perAddress: 10_000, perAccount: 10_000 }, ...overrides };
}
