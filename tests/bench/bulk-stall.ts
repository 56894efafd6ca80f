// Health during the bulk work that is not an upload: the largest CSV exports, each alone, and an
// online backup in its own process as `pnpm backup` takes it. Bulk work has no maximum of its
// own, but it must not hold other requests for more than 100 ms (issue 23).
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REPORT_YEAR } from './endpoints.ts';
import { healthDuring, type HealthFigures } from './health-probe.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BulkStallFigures extends HealthFigures {
  scenario: string;
  /** HTTP status of an export, the exit code of the backup. */
  status: number;
  /** The export answered 2xx, the backup exited 0. */
  ok: boolean;
  ms: number;
  bytes: number;
}

/** The exports that grow with the data: the caseload of a year, every flat and community activity of it, the reviews due file. */
const EXPORTS = [
  { scenario: 'caseload export CSV, every service', path: `/api/exports/caseload?year=${REPORT_YEAR}&format=csv` },
  { scenario: 'flats report CSV', path: `/api/reports/flats?year=${REPORT_YEAR}&format=csv` },
  { scenario: 'community activities CSV', path: `/api/reports/community-activities?year=${REPORT_YEAR}&format=csv` },
  { scenario: 'reviews due CSV', path: '/api/reports/reviews-due?within=30&format=csv' },
];

interface Outcome {
  status: number;
  ok: boolean;
  bytes: number;
}

async function download(baseUrl: string, path: string, token: string): Promise<Outcome> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.arrayBuffer();
  if (!response.ok) console.error(`export ${path} refused (${response.status}): ${Buffer.from(body).toString('utf8', 0, 300)}`);
  return { status: response.status, ok: response.ok, bytes: body.byteLength };
}

/** `pnpm backup` of the live database into a file beside it, removed afterwards; its exit code and the copy's size. */
function backup(databasePath: string): Promise<Outcome> {
  const destination = `${databasePath}.bench-backup-${process.pid}.sqlite`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'db/src/backup-cli.ts', 'backup', destination], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_PATH: databasePath, INIT_CWD: repoRoot },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const bytes = statSync(destination, { throwIfNoEntry: false })?.size ?? 0;
      rmSync(destination, { force: true });
      resolve({ status: code ?? 1, ok: code === 0, bytes });
    });
  });
}

export async function bulkStalls(baseUrl: string, managerToken: string, databasePath: string): Promise<BulkStallFigures[]> {
  const figures: BulkStallFigures[] = [];
  const measured = async (scenario: string, work: () => Promise<Outcome>) => {
    const { result, workMs, health } = await healthDuring(baseUrl, work);
    figures.push({ scenario, ...result, ms: workMs, ...health });
  };
  for (const e of EXPORTS) await measured(e.scenario, () => download(baseUrl, e.path, managerToken));
  await measured('online backup (pnpm backup)', () => backup(databasePath));
  return figures;
}
