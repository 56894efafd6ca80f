// Upload a month's interventions from a CSV file: rows are checked with the shared schema,
// sent one by one with a progress bar, and the rows that failed are listed with the reason.
import { useState } from 'react';
import { useCreateIntervention } from '../../api/interventions.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { errorText } from '../States.tsx';
import { parseInterventionsCsv, type CsvProblem } from './csv.ts';

export function CsvUpload() {
  const create = useCreateIntervention();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [problems, setProblems] = useState<CsvProblem[]>([]);
  const [summary, setSummary] = useState<string | null>(null);

  async function upload() {
    if (!file) return;
    setSummary(null);
    const { rows, problems: parseProblems } = parseInterventionsCsv(await file.text());
    const bad = [...parseProblems];
    setProblems(bad);
    setProgress({ done: 0, total: rows.length });
    let ok = 0;
    for (const [index, row] of rows.entries()) {
      try {
        await create.mutateAsync({ ptriId: row.ptriId, input: row.body });
        ok += 1;
      } catch (caught) {
        bad.push({ line: row.line, message: errorText(caught) });
        setProblems([...bad]);
      }
      setProgress({ done: index + 1, total: rows.length });
    }
    setProblems([...bad].sort((a, b) => a.line - b.line));
    setSummary(it.coop.csvDone(ok, bad.length));
  }

  const running = progress !== null && progress.done < progress.total;
  return (
    <section className="card stack" aria-labelledby="csv-title">
      <h2 id="csv-title">{it.coop.csvTitle}</h2>
      <p className="hint">{it.coop.csvHelp}</p>
      <div className="row">
        <Field label={it.coop.csvFile}>
          <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <button type="button" onClick={() => void upload()} disabled={!file || running}>
          {it.coop.csvUpload}
        </button>
      </div>
      {progress && (
        <div>
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={it.coop.csvTitle} />
          <p aria-live="polite">{it.coop.csvProgress(progress.done, progress.total)}</p>
        </div>
      )}
      {summary && <p className={problems.length ? 'form-error' : 'success'}>{summary}</p>}
      {problems.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{it.coop.csvBadRows}</caption>
            <thead>
              <tr>
                <th scope="col">{it.coop.csvRow}</th>
                <th scope="col">{it.coop.csvError}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem) => (
                <tr key={`${problem.line}-${problem.message}`}>
                  <td>{problem.line}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
