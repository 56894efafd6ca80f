// The caseload as a spreadsheet, in the columns the import reads: for a year or all of them.
import { useState } from 'react';
import { downloadCaseload } from '../../api/imports.ts';
import { it } from '../../i18n/it.ts';
import { today } from '../format.ts';
import { errorText } from '../States.tsx';
import { YearSelect } from './ReportFilters.tsx';

export function CaseloadExport({ serviceId }: { serviceId: number | undefined }) {
  const [year, setYear] = useState<number | undefined>(Number(today().slice(0, 4)));
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
        <YearSelect value={year} onChange={setYear} allLabel={it.imports.allYears} />
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
