// The caseload as a spreadsheet, in the columns the import reads: for a year or all of them.
import { useState } from 'react';
import { downloadCaseload } from '../../api/imports.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { errorText } from '../States.tsx';

const FIRST_YEAR = 2022;

export function CaseloadExport({ serviceId }: { serviceId: number | undefined }) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const [year, setYear] = useState<number | undefined>(thisYear);
  const [error, setError] = useState<string | null>(null);

  async function download(format: 'csv' | 'xlsx') {
    setError(null);
    try {
      await downloadCaseload({ year, serviceId, format });
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  return (
    <section className="card stack" aria-labelledby="caseload-export">
      <h2 id="caseload-export">{it.imports.exportTitle}</h2>
      <p className="hint">{it.imports.exportHelp}</p>
      <div className="row">
        <Field label={it.reports.year}>
          <select value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{it.imports.allYears}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" className="secondary" onClick={() => void download('csv')}>
          {it.imports.downloadCsv}
        </button>
        <button type="button" className="secondary" onClick={() => void download('xlsx')}>
          {it.imports.downloadXlsx}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
