// Yearly users per service and lot: the published table, a chart across years, CSV download.
import { lazy, Suspense, useState } from 'react';
import { downloadYearlyCountsCsv, useYearlyCounts, useYearlyCountsAcrossYears } from '../../api/reports.ts';
import { useLots } from '../../api/reference.ts';
import { Field } from '../../components/Field.tsx';
import { YearlyCountsTable } from '../../components/reports/YearlyCountsTable.tsx';
import { ErrorState, Loading, errorText } from '../../components/States.tsx';
import { formatDate, today } from '../../components/format.ts';
import { it } from '../../i18n/it.ts';

const YearlyChart = lazy(async () => ({ default: (await import('../../components/reports/YearlyChart.tsx')).YearlyChart }));

const FIRST_YEAR = 2022;

export function YearlyCountsPage() {
  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const [year, setYear] = useState(thisYear);
  const [lot, setLot] = useState(1);
  const lots = useLots();
  const counts = useYearlyCounts(year, lot);
  const across = useYearlyCountsAcrossYears(years, lot);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const points = across.flatMap((query, index) => (query.data ? [{ year: years[index] ?? 0, users: query.data.total }] : []));

  async function download() {
    setDownloadError(null);
    try {
      await downloadYearlyCountsCsv(year, lot);
    } catch (caught) {
      setDownloadError(errorText(caught));
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>{it.reports.yearlyTitle}</h1>
        <button type="button" className="secondary" onClick={() => void download()}>
          {it.common.downloadCsv}
        </button>
      </div>
      {downloadError && (
        <p className="form-error" role="alert">
          {downloadError}
        </p>
      )}
      <div className="card row">
        <Field label={it.reports.year}>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[...years].reverse().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <Field label={it.reports.lot}>
          <select value={lot} onChange={(e) => setLot(Number(e.target.value))}>
            {/* The counts group lots by number, across tenders: one choice per number. */}
            {(lots.data ?? [{ id: 1, number: 1, title: '' }]).filter((l, index, all) => all.findIndex((other) => other.number === l.number) === index).map((l) => (
              <option key={l.id} value={l.number}>
                {it.ptri.lotNumber(l.number)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="hint">
        {it.reports.usersMeaning}{' '}
        {counts.data && (counts.data.throughDate ? it.reports.throughDate(formatDate(counts.data.throughDate)) : it.reports.notBegun)}
      </p>
      {counts.isPending ? (
        <Loading />
      ) : counts.isError ? (
        <ErrorState error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <YearlyCountsTable counts={counts.data} />
      )}
      <section className="card">
        <h2>{it.reports.chartTitle}</h2>
        {points.length === 0 ? <Loading /> : <Suspense fallback={<Loading />}><YearlyChart points={points} /></Suspense>}
      </section>
    </>
  );
}
