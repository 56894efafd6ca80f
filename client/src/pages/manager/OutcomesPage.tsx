// Outcomes per service: HoNOS change, goals by outcome, living and work situations first → latest,
// how fast projects start, contacts after closure; with a chart and CSV download.
import { LIVING_SITUATION_LABELS, WORK_SITUATION_LABELS, type OutcomesRow } from '@bds/shared';
import { useState } from 'react';
import { downloadOutcomesCsv, useOutcomes } from '../../api/outcomes.ts';
import { Field } from '../../components/Field.tsx';
import { GoalOutcomesChart } from '../../components/reports/GoalOutcomesChart.tsx';
import { formatNumber, today } from '../../components/format.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { ServiceFilter } from '../../components/reports/ServiceFilter.tsx';
import { it } from '../../i18n/it.ts';

const FIRST_YEAR = 2022;

function Moves({ moves, labels }: { moves: OutcomesRow['living'] | OutcomesRow['work']; labels: Record<string, string> }) {
  if (moves.length === 0) return <>{it.outcomeReport.none}</>;
  return (
    <ul className="plain">
      {moves.map((m) => (
        <li key={`${m.from}-${m.to}`}>
          {labels[m.from]} → {labels[m.to]}: {m.n}
        </li>
      ))}
    </ul>
  );
}

export function OutcomesPage() {
  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const [year, setYear] = useState(thisYear);
  const [serviceId, setServiceId] = useState<number | undefined>(undefined);
  const report = useOutcomes(year, serviceId);

  return (
    <>
      <div className="page-head">
        <h1>{it.outcomeReport.title}</h1>
        <DownloadButton download={() => downloadOutcomesCsv(year, serviceId)} />
      </div>
      <p className="hint">{it.outcomeReport.help}</p>
      <div className="card row">
        <Field label={it.reports.year}>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <ServiceFilter value={serviceId} onChange={setServiceId} />
      </div>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.rows.length === 0 ? (
        <Empty />
      ) : (
        <>
          <GoalOutcomesChart rows={report.data.rows} />
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{it.reports.service}</th>
                  <th scope="col" className="num">
                    {it.outcomeReport.evaluated}
                  </th>
                  <th scope="col" className="num">
                    {it.outcomeReport.honosPairs}
                  </th>
                  <th scope="col" className="num">
                    {it.outcomeReport.honosMean}
                  </th>
                  <th scope="col" className="num">
                    {it.outcomeReport.honosMedian}
                  </th>
                  <th scope="col">{it.outcomeReport.living}</th>
                  <th scope="col">{it.outcomeReport.work}</th>
                  <th scope="col" className="num">
                    {it.outcomeReport.daysSubmission}
                  </th>
                  <th scope="col" className="num">
                    {it.outcomeReport.daysDraft}
                  </th>
                  <th scope="col" className="num">
                    {it.outcomeReport.followUps}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.rows.map((row) => (
                  <tr key={row.serviceId}>
                    <th scope="row">{row.serviceName}</th>
                    <td className="num">{formatNumber(row.evaluated)}</td>
                    <td className="num">{formatNumber(row.honos.pairs)}</td>
                    <td className="num">{row.honos.meanChange === null ? it.outcomeReport.none : formatNumber(row.honos.meanChange)}</td>
                    <td className="num">
                      {row.honos.medianChange === null ? it.outcomeReport.none : formatNumber(row.honos.medianChange)}
                    </td>
                    <td>
                      <Moves moves={row.living} labels={LIVING_SITUATION_LABELS} />
                    </td>
                    <td>
                      <Moves moves={row.work} labels={WORK_SITUATION_LABELS} />
                    </td>
                    <td className="num">{row.medianDaysSubmissionToActive ?? it.outcomeReport.none}</td>
                    <td className="num">{row.medianDaysDraftToActive ?? it.outcomeReport.none}</td>
                    <td className="num">{formatNumber(row.followUps)}</td>
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
