// The month's CSV file sent in one request with XMLHttpRequest, because fetch reports no upload
// progress; the server takes all rows or none and names every bad one.
import type { Problem, UploadReply, UploadRowError } from '@bds/shared';
import { ApiError, networkError } from './errors.ts';
import { withSessionRecovery } from './http.ts';
import { sessionStore } from './session.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** How much of the file has gone, in whole percent. */
export function percentOf(progress: UploadProgress): number {
  return progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
}

interface RawReply {
  status: number;
  text: string;
}

export type MonthUploadOutcome =
  { kind: 'saved'; reply: UploadReply } | { kind: 'rejected'; title: string; detail: string; rows: UploadRowError[] };

/** One XHR POST of a file; resolves with whatever the server answered. */
export function postFileWithProgress(
  url: string,
  file: Blob,
  onProgress: (progress: UploadProgress) => void,
  contentType = 'text/csv',
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', contentType);
    const token = sessionStore.get().accessToken;
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(networkError());
    xhr.send(file);
  });
}

export interface ProblemWithRows extends Problem {
  errors?: { path: string; message: string; row?: number; field?: string }[];
}

export function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

/** `rows.<n>.<field>` is the server's path for a bad cell; `row`/`field` are given beside it. */
export function badRowsOf(problem: ProblemWithRows): UploadRowError[] {
  const rowErrors = (problem.errors ?? []).filter((error) => error.row !== undefined || error.path.startsWith('rows.'));
  return rowErrors.map((error) => {
    const match = /^rows\.(\d+)\.(.+)$/.exec(error.path);
    return {
      row: error.row ?? (match ? Number(match[1]) : 0),
      field: error.field ?? match?.[2] ?? error.path,
      message: error.message,
    };
  });
}

export async function uploadMonthCsv(
  cooperativeId: number,
  month: string,
  file: Blob,
  onProgress: (progress: UploadProgress) => void,
): Promise<MonthUploadOutcome> {
  const url = `/api/cooperatives/${cooperativeId}/reports/${month}/upload`;
  const { status, text } = await withSessionRecovery(() => postFileWithProgress(url, file, onProgress));
  const body = parseJson(text);
  if (status === 200 || status === 201) return { kind: 'saved', reply: body as UploadReply };
  const problem = (body ?? { type: 'about:blank', title: `HTTP ${status}`, status }) as ProblemWithRows;
  if (status === 400) return { kind: 'rejected', title: problem.title, detail: problem.detail ?? '', rows: badRowsOf(problem) };
  throw new ApiError(problem);
}
