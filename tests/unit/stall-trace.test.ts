// The stall trace (db/src/trace.ts): off by default; when a process turns it on, the group
// commit's commits and fsyncs and the checkpoint worker's checkpoints are written to its file at exit.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tracing } from '@bds/db';

const testsDir = fileURLToPath(new URL('..', import.meta.url));

// Run in a child process: the trace is written when the process exits. CommonJS with dynamic
// imports, since --input-type=module would reach the checkpoint worker's CommonJS source too.
const script = (databasePath: string, tracePath: string) => `(async () => {
const { enableTrace, migrateDb, openDb, startCheckpointer, tracedCount } = await import('@bds/db');
const { auditRead } = await import('@bds/server/audit/group-commit.ts');
enableTrace(${JSON.stringify(tracePath)});
const db = openDb(${JSON.stringify(databasePath)});
migrateDb(db);
const checkpointer = startCheckpointer(db, { intervalMs: 10, onFailure: (error) => console.error(error) });
const user = { id: 1, username: 'manager', displayName: 'm', role: 'manager', serviceId: null, districtId: null, cooperativeId: null, mustChangePassword: false, sessionId: 's' };
const actor = { user, ip: '127.0.0.1', today: '2026-12-06', now: '2026-12-06T11:00:00.000Z' };
await Promise.all([1, 2, 3].map((id) => auditRead(db, actor, { action: 'read', entity: 'report_reviews_due', personIds: [id, id + 10] })));
// The worker takes a while to start on a busy host; it then checkpoints every 10 ms.
for (let waited = 0; tracedCount('checkpoint') === 0 && waited < 10000; waited += 20) await new Promise((wait) => setTimeout(wait, 20));
await checkpointer?.stop();
db.$client.close();
})()`;

describe('stall trace', () => {
  it('is off unless turned on', () => {
    expect(tracing()).toBe(false);
  });

  it('records the commit, the fsync that released it and the checkpoint that copied it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'bds-stall-trace-'));
    try {
      const tracePath = join(folder, 'trace.jsonl');
      const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script(join(folder, 'db.sqlite'), tracePath)], {
        cwd: testsDir,
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      const events = readFileSync(tracePath, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { kind: string } & Record<string, unknown>);
      const commits = events.filter((e) => e.kind === 'commit');
      expect(commits).toEqual([expect.objectContaining({ rows: 3, persons: 6, writes: false, fsyncBusy: false })]);
      expect(events.filter((e) => e.kind === 'fsync')).toEqual([expect.objectContaining({ commits: 1, released: 3 })]);
      expect(events.find((e) => e.kind === 'checkpoint')).toEqual(expect.objectContaining({ checkpointed: expect.any(Number) }));
      expect(Number(events.find((e) => e.kind === 'checkpoint')?.checkpointed)).toBeGreaterThan(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
