// Who brings what into the budgets of the projects in care in a year: a chart per source, the
// table per source and axis, the non-AUSL share per service and district; and the projects in
// care whose current revision the person has not signed yet.
import { BUDGET_SOURCES } from '@bds/shared';
import { useState } from 'react';
import { downloadBudgetCompositionCsv, useBudgetComposition } from '../../api/budgetComposition.ts';
import { useServices, nameOf } from '../../api/reference.ts';
import { usePtriList } from '../../api/ptriHooks.ts';
import { Field } from '../../components/Field.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { PtriTable } from '../../components/PtriTable.tsx';
import { BarChart } from '../../components/reports/BarChart.tsx';
import { ServiceFilter } from '../../components/reports/ServiceFilter.tsx';
import { formatEuro, formatHours, formatNumber, formatPercent, today } from '../../components/format.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

const FIRST_YEAR = 2022;

export function BudgetCompositionPage() {
  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const [year, setYear] = useState(thisYear);
  const [serviceId, setServiceId] = useState<number | undefined>(undefined);
  const report = useBudgetComposition(year, serviceId);
  const services = useServices();
  const pending = usePtriList({ signaturePending: true, serviceId });

  return (
    <>
      <div className="page-head">
        <h1>{it.composition.title}</h1>
        <DownloadButton download={() => downloadBudgetCompositionCsv(year, serviceId)} />
      </div>
      <p className="hint">{it.composition.help}</p>
      <div className="card row">
        <Field label={it.composition.year}>
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
          <p>
            {it.composition.nonAuslShare}: <strong data-testid="composition-non-ausl">{formatPercent(report.data.nonAuslShare)}</strong>
          </p>
          <BarChart
            title={it.composition.chart}
            unit="€"
            bars={BUDGET_SOURCES.map((source) => ({
              label: it.budgetSources[source],
              value: report.data.rows.filter((row) => row.source === source).reduce((sum, row) => sum + row.amount, 0),
            }))}
          />
          <div className="table-wrap" role="region" aria-label={it.composition.title} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{it.composition.source}</th>
                  <th scope="col">{it.composition.axis}</th>
                  <th scope="col" className="num">
                    {it.composition.amount}
                  </th>
                  <th scope="col" className="num">
                    {it.composition.hours}
                  </th>
                  <th scope="col" className="num">
                    {it.composition.projects}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.rows.map((row) => (
                  <tr key={`${row.source}-${row.axis}`}>
                    <th scope="row">{it.budgetSources[row.source]}</th>
                    <td>{it.axes[row.axis]}</td>
                    <td className="num">{formatEuro(row.amount)}</td>
                    <td className="num">{formatHours(row.hours)}</td>
                    <td className="num">{formatNumber(row.projects)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{it.composition.byService}</h2>
          <div className="table-wrap" role="region" aria-label={it.composition.byService} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{it.composition.service}</th>
                  <th scope="col" className="num">
                    {it.composition.amount}
                  </th>
                  <th scope="col" className="num">
                    {it.composition.projects}
                  </th>
                  <th scope="col" className="num">
                    {it.composition.nonAuslShare}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.byService.map((row) => (
                  <tr key={row.serviceId}>
                    <th scope="row">{row.serviceName}</th>
                    <td className="num">{formatEuro(row.amount)}</td>
                    <td className="num">{formatNumber(row.projects)}</td>
                    <td className="num">{formatPercent(row.nonAuslShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{it.composition.byDistrict}</h2>
          <div className="table-wrap" role="region" aria-label={it.composition.byDistrict} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{it.composition.district}</th>
                  <th scope="col" className="num">
                    {it.composition.amount}
                  </th>
                  <th scope="col" className="num">
                    {it.composition.projects}
                  </th>
                  <th scope="col" className="num">
                    {it.composition.nonAuslShare}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.byDistrict.map((row) => (
                  <tr key={row.districtId}>
                    <th scope="row">{row.districtName}</th>
                    <td className="num">{formatEuro(row.amount)}</td>
                    <td className="num">{formatNumber(row.projects)}</td>
                    <td className="num">{formatPercent(row.nonAuslShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <section className="card">
        <h2>{it.signatures.pendingListTitle}</h2>
        <p className="hint">{it.signatures.pendingListHelp}</p>
        <PtriTable query={pending} serviceName={(id) => nameOf(services.data, id)} caption={it.signatures.pendingListTitle} />
      </section>
    </>
  );
}
