// The real server as a child process (production mode, demo accounts) on a temporary
// database, for the crash, shutdown and backup tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { productionServerArgs, SERVER_DIR } from '../production-server.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO_PASSWORD = 'demo1234';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  process: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

export function serverEnv(databasePath: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'crash-test-secret-0123456789-abcdefghijklmnop',
    DEMO_DATA: 'true',
    DATABASE_PATH: databasePath,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOGIN_MAX_PER_ADDRESS: '10000',
    LOGIN_MAX_PER_ACCOUNT: '10000',
  };
}

/**
 * Starts the server as production runs it, the bundle built once per test run
 * (tests/build-server.globalSetup.ts), with `node` itself (no wrapper process, so a signal
 * reaches the server itself).
 */
export async function startServer(databasePath: string, port: number, timeoutMs = 90_000): Promise<ChildServer> {
  const child = spawn(process.execPath, productionServerArgs(), {
    cwd: SERVER_DIR,
    env: serverEnv(databasePath, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`server exited during start:\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) return { process: child, base, output: () => output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy in ${timeoutMs} ms:\n${output}`);
}

export async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function api<T = unknown>(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}
