// Upload a month's interventions as one CSV file: the bytes go with a progress bar, the server
// takes every row or none, and each bad row is listed with its field and reason.
import { UPLOAD_CSV_COLUMNS, type UploadRowError } from '@bds/shared';
import { useState } from 'react';
import { downloadMonthTemplate, useUploadMonth } from '../../api/interventions.ts';
import { percentOf, type UploadProgress } from '../../api/upload.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { RowErrorsTable } from '../RowErrorsTable.tsx';
import { formatMonth } from '../format.ts';
import { errorText } from '../States.tsx';

type Result =
  | { kind: 'saved'; message: string; alreadyUploaded: boolean }
  | { kind: 'rejected'; detail: string; rows: UploadRowError[] }
  | { kind: 'failed'; message: string };

/** The server's detail ends without a full stop; a sentence follows it here. */
const withFullStop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

export function CsvUpload({ cooperativeId, month }: { cooperativeId: number; month: string }) {
  const upload = useUploadMonth(cooperativeId);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);

  async function downloadTemplate() {
    setTemplateError(null);
    try {
      await downloadMonthTemplate(cooperativeId, month);
    } catch (caught) {
      setTemplateError(errorText(caught));
    }
  }

  async function send() {
    if (!file) return;
    setResult(null);
    setProgress({ loaded: 0, total: file.size });
    try {
      const outcome = await upload.mutateAsync({ month, file, onProgress: setProgress });
      setResult(
        outcome.kind === 'saved'
          ? { kind: 'saved', message: outcome.reply.message, alreadyUploaded: outcome.reply.alreadyUploaded }
          : { kind: 'rejected', detail: outcome.detail, rows: outcome.rows },
      );
    } catch (caught) {
      setResult({ kind: 'failed', message: errorText(caught) });
    }
  }

  const percent = progress ? percentOf(progress) : 0;
  return (
    <section className="card stack" aria-labelledby="csv-title">
      <h2 id="csv-title">
        {it.coop.csvTitle} ({formatMonth(month)})
      </h2>
      <p className="hint">{it.coop.csvHelp(UPLOAD_CSV_COLUMNS)}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void downloadTemplate()}>
          {it.coop.csvTemplate}
        </button>
      </div>
      {templateError && (
        <p className="form-error" role="alert">
          {templateError}
        </p>
      )}
      <div className="row">
        <Field label={it.coop.csvFile}>
          <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <button type="button" onClick={() => void send()} disabled={!file || upload.isPending}>
          {it.coop.csvUpload}
        </button>
      </div>
      {progress && (
        <div>
          <progress max={100} value={percent} aria-label={it.coop.csvTitle} />
          <p aria-live="polite">{upload.isPending && percent >= 100 ? it.coop.csvChecking : it.coop.csvProgress(percent)}</p>
        </div>
      )}
      {result?.kind === 'saved' && (
        <p className={result.alreadyUploaded ? 'notice' : 'success'} role="status">
          {result.message}
        </p>
      )}
      {result?.kind === 'failed' && (
        <p className="form-error" role="alert">
          {result.message}
        </p>
      )}
      {result?.kind === 'rejected' && (
        <>
          <p className="form-error" role="alert">
            {withFullStop(result.detail)} {result.rows.length > 0 ? it.coop.csvRejectedRows : it.coop.csvRejectedFile}
          </p>
          {result.rows.length > 0 && (
            <RowErrorsTable
              caption={it.coop.csvBadRows}
              headers={{ row: it.coop.csvRow, field: it.coop.csvField, reason: it.coop.csvReason }}
              rows={result.rows}
              fieldLabel={(field) => it.coop.csvFields[field] ?? field}
            />
          )}
        </>
      )}
    </section>
  );
}
