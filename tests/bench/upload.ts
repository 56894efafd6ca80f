// The 10,000-row monthly CSV upload, end to end: build the file, send it, time the answer.
import type { Fixtures } from './fixtures.ts';
import { percentile } from './percentile.ts';

export interface UploadFigures {
  rows: number;
  status: number[];
  ms: number[];
  medianMs: number;
}

export function monthCsv(f: Fixtures, rows: number, nonce: string): string {
  const lines = ['ptriId;date;axis;activity;hours;operatorRole;notes'];
  for (let i = 0; i < rows; i++) {
    const ptriId = f.workProjectIds[i % f.workProjectIds.length];
    lines.push(`${ptriId};${f.today};habitat;${f.habitatActivity};1,5;educatore;bench ${nonce} ${i}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function timeUploads(baseUrl: string, token: string, f: Fixtures, rows: number, times: number): Promise<UploadFigures> {
  const month = f.today.slice(0, 7);
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
    await response.arrayBuffer();
    ms.push(Math.round(performance.now() - started));
    status.push(response.status);
  }
  return { rows, status, ms, medianMs: percentile(ms, 50) };
}
