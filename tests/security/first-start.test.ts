// A new deployment's first start: no data folder yet, migrations, demo data, a working sign-in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, signIn, startServer, type ChildServer } from './child-server.ts';

let server: ChildServer | undefined;
const root = mkdtempSync(join(tmpdir(), 'bds-first-start-'));
afterAll(async () => {
  server?.process.kill('SIGTERM');
  await server?.exited;
  rmSync(root, { recursive: true, force: true });
});

describe('the first start', () => {
  it('creates the database in a folder that does not exist yet and serves the demo data', async () => {
    server = await startServer(join(root, 'not', 'yet', 'there', 'bds.sqlite'), await freePort());
    const token = await signIn(server.base, 'casemanager');
    const res = await fetch(`${server.base}/api/ptris?limit=5`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(5);
  }, 120_000);
});
