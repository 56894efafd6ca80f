// The 10,000-row monthly CSV upload, end to end: build the file, send it, time the answer.
import type { Fixtures } from './fixtures.ts';
import { percentile } from './percentile.ts';

export interface UploadFigures {
  rows: number;
  status: number[];
  ms: number[];
  medianMs: number;
}

/**
 * Quarter-hour rows spread over each project's days of the month just ended, so that repeated
 * uploads stay within the 24 hours a person may have in one day.
 */
export function monthCsv(f: Fixtures, rows: number, nonce: string): string {
  const lines = ['ptriId;date;axis;activity;hours;operatorRole;notes'];
  const projects = f.workProjectIds.length;
  for (let i = 0; i < rows; i++) {
    const p = i % projects;
    const from = f.workProjectFrom[p]!;
    const days = 28 - Number(from.slice(8)) + 1;
    const day = Number(from.slice(8)) + (Math.floor(i / projects) % days);
    const date = `${f.uploadMonth}-${String(day).padStart(2, '0')}`;
    lines.push(`${f.workProjectIds[p]};${date};habitat;${f.habitatActivity};0,25;educatore;bench ${nonce} ${i}`);
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
