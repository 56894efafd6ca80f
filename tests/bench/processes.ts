// Child processes of the benchmark: the real server in production mode on the bench database,
// and a bare Fastify server that gives the ceiling any endpoint can reach on this machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildServerBundle, productionServerArgs, SERVER_DIR } from '../production-server.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Child {
  process: ChildProcess;
  baseUrl: string;
  startupMs: number;
  /** Resident memory now and at its peak, in MiB, from /proc. */
  memory(): { rssMiB: number; peakRssMiB: number };
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function memoryOf(pid: number | undefined) {
  if (pid === undefined) return { rssMiB: 0, peakRssMiB: 0 };
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMiB: Math.round(kib('VmRSS') / 1024), peakRssMiB: Math.round(kib('VmHWM') / 1024) };
}

/** CPU milliseconds (user + system) of a process, or of its main thread, from /proc (clock ticks of 10 ms). */
export function cpuMsOf(pid: number, mainThreadOnly = false): number {
  const path = mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode} before answering ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

async function startChild(args: string[], cwd: string, env: NodeJS.ProcessEnv, readyPath: string): Promise<Child> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${baseUrl}${readyPath}`, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${args.join(' ')}: ${(error as Error).message}\n${stderr}`);
  }
  const startupMs = Math.round(performance.now() - started);
  // A server that dies under load leaves the measurement waiting on answers that never come: say why.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (stopping || code === 0) return;
    console.error(`${args.join(' ')} exited (${code ?? signal}) during the run:\n${stderr}`);
    process.exit(1);
  });
  return {
    process: child,
    baseUrl,
    startupMs,
    memory: () => memoryOf(child.pid),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        stopping = true;
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The real server as production runs it, production mode, on an existing database. */
export function startServer(databasePath: string): Promise<Child> {
  buildServerBundle();
  return startChild(
    productionServerArgs(),
    SERVER_DIR,
    {
      NODE_ENV: 'production',
      DATABASE_PATH: databasePath,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    },
    '/api/health',
  );
}

export function startBareServer(): Promise<Child> {
  return startChild(['--import', 'tsx', 'bench/bare-server.ts'], `${repoRoot}tests`, {}, '/bare?bytes=10');
}
