// The managers' flats report: occupancy over the months and exits by destination as charts, the
// figures per flat as a table, and the CSV.
import { useState } from 'react';
import { LIVING_SITUATIONS } from '@bds/shared';
import { downloadFlatsCsv, useFlatsReport } from '../../api/flats.ts';
import { BarChart } from '../../components/reports/BarChart.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { Field } from '../../components/Field.tsx';
import { formatDate, formatEuro, formatHours, formatMonth, formatNumber, today } from '../../components/format.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { flats as t } from '../../i18n/itFlats.ts';

const percent = (share: number | null) => (share == null ? '—' : `${(share * 100).toLocaleString('it-IT', { maximumFractionDigits: 1 })}%`);

export function FlatsReportPage() {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const report = useFlatsReport(year);
  const exits = LIVING_SITUATIONS.map((d) => ({
    label: t.destinations[d],
    value: report.data?.rows.reduce((n, row) => n + (row.exits[d] ?? 0), 0) ?? 0,
  }));
  return (
    <>
      <div className="page-head">
        <h1>{t.report.title}</h1>
        <DownloadButton download={() => downloadFlatsCsv(year)} />
      </div>
      <div className="card row">
        <Field label={t.report.year}>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="hint">
        {t.report.help} {report.data?.throughDate && `Dati fino al ${formatDate(report.data.throughDate)}.`}
      </p>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.rows.length === 0 ? (
        <Empty />
      ) : (
        <>
          <div className="card row">
            <BarChart
              title={t.report.occupancyChart}
              unit={t.report.percentUnit}
              bars={report.data.months.map((m) => ({
                label: formatMonth(m.month).slice(0, 3),
                value: m.placeDaysAvailable ? Math.round((m.placeDaysOccupied / m.placeDaysAvailable) * 1000) / 10 : 0,
              }))}
            />
            <BarChart title={t.report.exitsChart} unit={t.report.exitsUnit} bars={exits} />
          </div>
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col" className="num">
                    {t.places}
                  </th>
                  <th scope="col" className="num">
                    {t.report.available}
                  </th>
                  <th scope="col" className="num">
                    {t.report.occupiedDays}
                  </th>
                  <th scope="col" className="num">
                    {t.report.occupancy}
                  </th>
                  <th scope="col" className="num">
                    {t.report.entries}
                  </th>
                  <th scope="col">{t.report.exits}</th>
                  <th scope="col" className="num">
                    {t.report.averageStay}
                  </th>
                  <th scope="col" className="num">
                    {t.report.flatHours}
                  </th>
                  <th scope="col" className="num">
                    {t.report.personalHours}
                  </th>
                  <th scope="col" className="num">
                    {t.amount}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.rows.map((row) => (
                  <tr key={row.flatId}>
                    <th scope="row">{row.name}</th>
                    <td className="num">{row.places}</td>
                    <td className="num">{formatNumber(row.placeDaysAvailable)}</td>
                    <td className="num">{formatNumber(row.placeDaysOccupied)}</td>
                    <td className="num">{percent(row.occupancy)}</td>
                    <td className="num">{row.entries}</td>
                    <td>
                      {Object.entries(row.exits)
                        .map(([d, n]) => `${t.destinations[d as keyof typeof t.destinations]}: ${n}`)
                        .join(', ') || '—'}
                    </td>
                    <td className="num">{row.averageStayDays == null ? '—' : formatNumber(row.averageStayDays)}</td>
                    <td className="num">{formatHours(row.flatHours)}</td>
                    <td className="num">{formatHours(row.personalHours)}</td>
                    <td className="num">{formatEuro(row.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
