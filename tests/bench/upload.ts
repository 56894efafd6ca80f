// The 10,000-row monthly CSV upload, end to end: build the file, send it, time the answer.
import { quarterHours, type Fixtures } from './fixtures.ts';
import { percentile } from './percentile.ts';
import { healthDuring, type HealthFigures } from './health-probe.ts';

export interface UploadFigures {
  rows: number;
  status: number[];
  ms: number[];
  medianMs: number;
}

const validFiles = new WeakMap<Fixtures, ReturnType<typeof quarterHours>>();

/**
 * Quarter-hour rows on the days of the month just ended that still have room, the valid files of
 * a run one after the other, so that every stored file stays within the 24 hours a person may have
 * in one day. A file of `hours` other than a quarter (refused) takes no room from the others.
 */
export function monthCsv(f: Fixtures, rows: number, nonce: string, hours = '0,25'): string {
  let room = validFiles.get(f);
  if (!room) validFiles.set(f, (room = quarterHours(f.uploadRoom)));
  const slots = hours === '0,25' ? room : quarterHours(f.uploadRoom);
  const lines = ['ptriId;date;axis;activity;hours;operatorRole;notes'];
  for (let i = 0; i < rows; i++) {
    const { ptriId, date } = slots.next();
    lines.push(`${ptriId};${date};habitat;${f.habitatActivity};${hours};educatore;bench ${nonce} ${i}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function timeUploads(baseUrl: string, token: string, f: Fixtures, rows: number, times: number): Promise<UploadFigures> {
  const month = f.uploadMonth;
  const status: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const body = monthCsv(f, rows, `${Date.now()}-${i}`);
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/cooperatives/${f.cooperativeId}/reports/${month}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body,
    });
    const text = await response.text();
    if (!response.ok) console.error(`upload refused (${response.status}): ${text.slice(0, 600)}`);
    ms.push(Math.round(performance.now() - started));
    status.push(response.status);
  }
  return { rows, status, ms, medianMs: percentile(ms, 50) };
}

export interface StallFigures extends HealthFigures {
  scenario: string;
  files: number;
  status: number[];
  uploadMs: number;
}

/**
 * The files sent at once while health is probed, encoded before the first probe so that encoding
 * them is not part of the work timed.
 */
export async function healthDuringUploads(
  baseUrl: string,
  token: string,
  f: Fixtures,
  scenario: string,
  files: string[],
): Promise<StallFigures> {
  const bodies = files.map((file) => Buffer.from(file));
  const { result, workMs, health } = await healthDuring(baseUrl, () =>
    Promise.all(
      bodies.map((body) =>
        fetch(`${baseUrl}/api/cooperatives/${f.cooperativeId}/reports/${f.uploadMonth}/upload`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
          body,
        }).then(async (response) => (await response.arrayBuffer(), response.status)),
      ),
    ),
  );
  return { scenario, files: files.length, status: result, uploadMs: workMs, ...health };
}

/** The two cases: a valid month of `rows` rows alone, then ten invalid files of as many rows at once. */
export async function uploadStalls(baseUrl: string, token: string, f: Fixtures, rows: number): Promise<StallFigures[]> {
  const count = rows.toLocaleString('en');
  const valid = monthCsv(f, rows, `stall ${Date.now()}`);
  const invalid = Array.from({ length: 10 }, (_, i) => monthCsv(f, rows, `stall ${Date.now()} ${i}`, '25'));
  return [
    await healthDuringUploads(baseUrl, token, f, `valid ${count}-row upload`, [valid]),
    await healthDuringUploads(baseUrl, token, f, `ten invalid ${count}-row uploads at once`, invalid),
  ];
}
