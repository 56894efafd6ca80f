// Yearly users per service and lot: the published table, a chart across years, CSV download.
import { useState } from 'react';
import { downloadYearlyCountsCsv, useYearlyCounts, useYearlyCountsAcrossYears } from '../../api/reports.ts';
import { useLots } from '../../api/reference.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { Field } from '../../components/Field.tsx';
import { BarChart } from '../../components/reports/BarChart.tsx';
import { YearlyCountsTable } from '../../components/reports/YearlyCountsTable.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { formatDate, today } from '../../components/format.ts';
import { it } from '../../i18n/it.ts';

const FIRST_YEAR = 2022;

export function YearlyCountsPage() {
  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const [year, setYear] = useState(thisYear);
  const [lot, setLot] = useState(1);
  const lots = useLots();
  const counts = useYearlyCounts(year, lot);
  const across = useYearlyCountsAcrossYears(years, lot);
  const bars = across.flatMap((query, index) => (query.data ? [{ label: String(years[index]), value: query.data.total }] : []));

  return (
    <>
      <div className="page-head">
        <h1>{it.reports.yearlyTitle}</h1>
        <DownloadButton download={() => downloadYearlyCountsCsv(year, lot)} />
      </div>
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
            {(lots.data ?? [{ id: 1, number: 1, title: '' }])
              .filter((l, index, all) => all.findIndex((other) => other.number === l.number) === index)
              .map((l) => (
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
        {bars.length === 0 ? (
          <Loading />
        ) : (
          <BarChart title={`${it.reports.chartTitle}, ${it.ptri.lotNumber(lot)}`} bars={bars} unit={it.reports.users.toLowerCase()} />
        )}
      </section>
    </>
  );
}
