// Once per e2e run: checks Chromium is there, builds the client if its build is missing or
// older than its sources, and starts the real server, as production runs it, on a fresh
// temporary database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildServerBundle, productionServerArgs, SERVER_DIR } from '../production-server.ts';
import { CHROMIUM_PATH } from './chromium.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function buildClientIfStale() {
  const built = join(root, 'client/dist/index.html');
  const sources = ['client/src', 'client/index.html', 'client/vite.config.ts', 'shared/src'].map((p) => newestMtime(join(root, p)));
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(...sources)) return;
  // vitest sets NODE_ENV=test, with which Vite would bundle React's development build.
  const result = spawnSync('pnpm', ['--filter', '@bds/client', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('e2e: the client build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`e2e: the server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`e2e: the server did not become healthy in 60 s:\n${output()}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `e2e: Chromium not found at ${CHROMIUM_PATH}. Install Debian's package (apt-get install chromium; .ci/run does it); the browser tests cannot run without it.`,
    );
  }
  buildClientIfStale();
  buildServerBundle();
  const dir = mkdtempSync(join(tmpdir(), 'bds-e2e-'));
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, productionServerArgs(), {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      DATABASE_PATH: join(dir, 'e2e.sqlite'),
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      LOGIN_MAX_PER_ADDRESS: '1000',
      LOGIN_MAX_PER_ACCOUNT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  return stop;
}
