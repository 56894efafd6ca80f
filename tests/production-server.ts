// The server as `pnpm start` runs it: the bundle server/build.ts writes, started with the Node
// options of server/package.json's start script. The benchmark and the tests that start a real
// server run this, so they exercise what production runs rather than the TypeScript sources.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SERVER_DIR = fileURLToPath(new URL('../server', import.meta.url));

/** Builds server/dist/main.mjs from the current sources. */
export function buildServerBundle(): void {
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'build.ts'], { cwd: SERVER_DIR, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`server build failed: ${built.stderr}`);
}

/** The arguments of `node` in the start script, to be run from SERVER_DIR. */
export function productionServerArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(`${SERVER_DIR}/package.json`, 'utf8')) as { scripts: { start: string } };
  // `exec` makes node the shell's own process, so that pnpm's signals reach the server.
  const [command, ...args] = scripts.start.replace(/^exec\s+/, '').split(/\s+/);
  if (command !== 'node') throw new Error(`server start script does not run node: ${scripts.start}`);
  return args;
}
