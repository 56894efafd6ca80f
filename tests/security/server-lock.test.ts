// One server per database: a second one is refused while the first lives, and a supervisor
// restarting a killed server at once is not refused by what the dead process left behind.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { productionServerArgs, SERVER_DIR } from '../production-server.ts';
import { freePort, serverEnv, signIn, startServer, type ChildServer } from './child-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'bds-lock-'));
const databasePath = join(dir, 'bds.sqlite');
const running: ChildServer[] = [];
const parents: (() => void)[] = [];
afterAll(async () => {
  for (const stop of parents) stop();
  for (const server of running) {
    server.process.kill('SIGKILL');
    await server.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts a server under a parent that never reaps it (a shell that became `sleep`), as a
 * supervisor busy elsewhere would: once killed, the server stays a zombie with its pid listed.
 */
async function unreapedServer(port: number): Promise<{ pid: number; base: string; stopParent: () => void }> {
  const command = `${[process.execPath, ...productionServerArgs()].map((arg) => `'${arg}'`).join(' ')} & echo "pid=$!"; exec sleep 600`;
  const parent = spawn('sh', ['-c', command], {
    cwd: SERVER_DIR,
    env: serverEnv(databasePath, port),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  parent.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const pid = Number(/pid=(\d+)/.exec(output)?.[1]);
    const healthy = await fetch(`${base}/api/health`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (pid && healthy) return { pid, base, stopParent: () => parent.kill('SIGKILL') };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  parent.kill('SIGKILL');
  throw new Error(`server did not start:\n${output}`);
}

/** Starts a server that is expected to give up: its exit code and what it said. */
async function refusedStart(port: number): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, productionServerArgs(), {
    cwd: SERVER_DIR,
    env: serverEnv(databasePath, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

describe('the start-up lock', () => {
  it('refuses a second server on the same database, and lets a killed one restart at once', async () => {
    const first = await unreapedServer(await freePort());
    parents.push(first.stopParent);

    const second = await refusedStart(await freePort());
    expect(second.code).not.toBe(0);
    expect(second.output).toMatch(/già in uso da un altro server in esecuzione/);
    expect((await fetch(`${first.base}/api/health`)).status).toBe(200);

    process.kill(first.pid, 'SIGKILL');
    const restarted = await startServer(databasePath, await freePort());
    running.push(restarted);
    expect(await signIn(restarted.base, 'casemanager')).toBeTruthy();
  }, 180_000);
});
