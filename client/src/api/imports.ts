// The caseload spreadsheet: a dry run or the real import (with upload progress), and the export.
import type { CaseloadExportQuery, CaseloadImportReply, CaseloadRowError } from '@bds/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './errors.ts';
import { buildUrl, downloadFile, withSessionRecovery } from './http.ts';
import { badRowsOf, parseJson, postFileWithProgress, type ProblemWithRows, type UploadProgress } from './upload.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type CaseloadImportOutcome =
  { kind: 'answered'; reply: CaseloadImportReply } | { kind: 'rejected'; detail: string; rows: CaseloadRowError[] };

function contentTypeOf(file: File): string {
  return file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv';
}

export async function importCaseload(
  file: File,
  dryRun: boolean,
  onProgress: (progress: UploadProgress) => void,
): Promise<CaseloadImportOutcome> {
  const url = buildUrl('/api/imports/caseload', { dryRun, fileName: file.name });
  const { status, text } = await withSessionRecovery(() => postFileWithProgress(url, file, onProgress, contentTypeOf(file)));
  const body = parseJson(text);
  if (status === 200) return { kind: 'answered', reply: body as CaseloadImportReply };
  const problem = (body ?? { type: 'about:blank', title: `HTTP ${status}`, status }) as ProblemWithRows;
  if (status === 400) return { kind: 'rejected', detail: problem.detail ?? problem.title, rows: badRowsOf(problem) };
  throw new ApiError(problem);
}

/** A real import changes projects, persons and every report: everything cached is stale. */
export function useImportCaseload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, onProgress }: { file: File; dryRun: boolean; onProgress: (progress: UploadProgress) => void }) =>
      importCaseload(file, dryRun, onProgress),
    onSuccess: (outcome, { dryRun }) => {
      if (!dryRun && outcome.kind === 'answered') void queryClient.invalidateQueries();
    },
  });
}

export function downloadCaseload(query: CaseloadExportQuery): Promise<void> {
  const fileName = `carichi-${query.year ?? 'tutti-gli-anni'}.${query.format}`;
  return downloadFile('/api/exports/caseload', { ...query }, fileName, query.format === 'xlsx' ? XLSX_TYPE : 'text/csv');
}
