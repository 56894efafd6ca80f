// The server's configuration, parsed from the environment once at start.
import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const MIN_SECRET_LENGTH = 32;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default(resolve(repoRoot, 'data/bds.sqlite')),
  /** When unset, a random secret kept beside the database (see `storedJwtSecret`). */
  JWT_SECRET: z.string().min(MIN_SECRET_LENGTH, { error: 'JWT_SECRET: almeno 32 caratteri' }).optional(),
  /** Seed demo data and demo accounts into an empty database. */
  DEMO_DATA: z.enum(['true', 'false']).optional(),
  /** Origins allowed to call the API from another site, comma-separated; none when unset. */
  CORS_ORIGIN: z.string().optional(),
  /** Failed sign-ins per client address before each further one makes the next wait (1 s, doubling, at most a minute). */
  LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins per username, from any address, before the same growing wait. */
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** A connection must have sent its request's headers within this time (a slow or half-open client is closed). */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** A request must have arrived whole, body included, within this time: room for a month's CSV on a slow link. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  /** An idle keep-alive connection is closed after this time. */
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Large bodies (a month's CSV) being received at once, per user and for the whole server. */
  UPLOADS_PER_USER: z.coerce.number().int().min(1).default(2),
  UPLOADS_OVERALL: z.coerce.number().int().min(1).default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A file to write the stall trace to when the process exits (db/src/trace.ts); a diagnostic, off when unset. */
  STALL_TRACE: z.string().min(1).optional(),
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
  timeouts: { headersMs: number; requestMs: number; keepAliveMs: number };
  uploads: { perUser: number; overall: number };
  logLevel: string;
  stallTrace: string | null;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  /** A rotated refresh token presented again this soon is a retry after a lost reply, not a theft. */
  refreshRetrySeconds: number;
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
    jwtSecret: e.JWT_SECRET ?? storedJwtSecret(e.DATABASE_PATH),
    demoData: e.DEMO_DATA ? e.DEMO_DATA === 'true' : e.NODE_ENV !== 'production',
    corsOrigins: (e.CORS_ORIGIN ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    loginRateLimit: { perAddress: e.LOGIN_MAX_PER_ADDRESS, perAccount: e.LOGIN_MAX_PER_ACCOUNT },
    timeouts: { headersMs: e.HEADERS_TIMEOUT_MS, requestMs: e.REQUEST_TIMEOUT_MS, keepAliveMs: e.KEEP_ALIVE_TIMEOUT_MS },
    uploads: { perUser: e.UPLOADS_PER_USER, overall: e.UPLOADS_OVERALL },
    logLevel: e.LOG_LEVEL,
    stallTrace: e.STALL_TRACE ?? null,
    accessTokenSeconds: 15 * 60,
    refreshTokenDays: 14,
    refreshRetrySeconds: 10,
    clientDist: resolve(repoRoot, 'client/dist'),
    version: '0.1.0',
  };
}

export function jwtSecretPath(databasePath: string): string {
  return `${resolve(databasePath)}.jwt-secret`;
}

/**
 * The secret generated at the first start without JWT_SECRET, kept beside the database and
 * readable by its owner only: a secret written in the source would let anyone who reads the code
 * sign tokens for a server started without one.
 */
function storedJwtSecret(databasePath: string): string {
  const path = jwtSecretPath(databasePath);
  mkdirSync(dirname(path), { recursive: true });
  try {
    // 'wx': of two servers started at once, one writes and the other reads what it wrote.
    writeFileSync(path, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new Error(`Configurazione non valida: ${path} deve essere leggibile solo dal suo proprietario (chmod 600)`);
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`Configurazione non valida: ${path} contiene meno di 32 caratteri`);
  return secret;
}

/** A configuration for tests: in-memory friendly, quiet, a random secret, sign-in limits out of the way. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: randomBytes(32).toString('hex'),
  });
  return { ...config, loginRateLimit: { perAddress: 10_000, perAccount: 10_000 }, ...overrides };
}
