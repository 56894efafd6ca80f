// Active projects per service on a date up to today (expired ones among them), by intensity and open goals per axis, grouped by district.
import { AXES, INTENSITIES } from '@bds/shared';
import { useState } from 'react';
import type { Caseload } from '@bds/shared';
import { downloadCaseloadCsv, useCaseload } from '../../api/reports.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { nameOf, useDistricts, useServices } from '../../api/reference.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { Field } from '../../components/Field.tsx';
import { ServiceFilter } from '../../components/reports/ServiceFilter.tsx';
import { formatNumber, today } from '../../components/format.ts';
import { CaseloadExport } from '../../components/reports/CaseloadExport.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

type Row = Caseload['rows'][number];

/** Every figure of a row, in the columns' order: the totals row sums each of them. */
function figures(row: Row): number[] {
  return [
    row.projects,
    ...INTENSITIES.map((i) => row.byIntensity[i]),
    ...AXES.map((axis) => row.openGoals[axis]),
    row.reviewsOverdue,
    row.reviewsDueWithin30,
    row.expired,
  ];
}

export function CaseloadReportPage() {
  const [date, setDate] = useState(today());
  const [serviceId, setServiceId] = useState<number | undefined>(undefined);
  const user = useCurrentUser();
  // A case manager's export is their own service's whatever the service chosen above.
  const exportedService = user.role === 'case_manager' ? (user.serviceId ?? undefined) : serviceId;
  const services = useServices();
  const districts = useDistricts();
  const caseload = useCaseload(serviceId, date);
  const districtOf = (id: number) => nameOf(districts.data, services.data?.find((s) => s.id === id)?.districtId);

  return (
    <>
      <div className="page-head">
        <h1>{it.reports.caseloadTitle}</h1>
        <DownloadButton download={() => downloadCaseloadCsv(serviceId, date)} />
      </div>
      <div className="card row">
        <Field label={it.reports.date}>
          <input type="date" value={date} max={today()} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </Field>
        <ServiceFilter value={serviceId} onChange={setServiceId} />
      </div>
      <p className="hint">{it.reports.caseloadMeaning}</p>
      {caseload.isPending ? (
        <Loading />
      ) : caseload.isError ? (
        <ErrorState error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : caseload.data.rows.length === 0 ? (
        <Empty />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="compact">
            <thead>
              <tr>
                <td colSpan={3} />
                <th scope="colgroup" colSpan={INTENSITIES.length} className="group">
                  {it.ptri.intensity}
                </th>
                <th scope="colgroup" colSpan={AXES.length} className="group">
                  {it.reports.openGoals}
                </th>
                <th scope="colgroup" colSpan={2} className="group">
                  {it.reports.reviews}
                </th>
              </tr>
              <tr>
                <th scope="col">{it.reports.district}</th>
                <th scope="col">{it.reports.service}</th>
                <th scope="col" className="num">
                  {it.reports.active}
                </th>
                {INTENSITIES.map((i) => (
                  <th key={i} scope="col" className="num">
                    {it.intensities[i]}
                  </th>
                ))}
                {AXES.map((axis) => (
                  <th key={axis} scope="col" className="num">
                    {it.axes[axis]}
                  </th>
                ))}
                <th scope="col" className="num">
                  {it.reports.overdueShort}
                </th>
                <th scope="col" className="num">
                  {it.reports.within30Short}
                </th>
                <th scope="col" className="num">
                  {it.reports.expired}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...caseload.data.rows]
                .sort(
                  (a, b) =>
                    districtOf(a.serviceId).localeCompare(districtOf(b.serviceId), 'it') ||
                    a.serviceName.localeCompare(b.serviceName, 'it'),
                )
                .map((row) => (
                  <tr key={row.serviceId}>
                    <td>{districtOf(row.serviceId)}</td>
                    <th scope="row">{row.serviceName}</th>
                    {figures(row).map((value, index) => (
                      <td key={index} className="num">
                        {formatNumber(value)}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {it.ptri.total}
                </th>
                {caseload.data.rows
                  .map(figures)
                  .reduce((sums, values) => sums.map((sum, index) => sum + (values[index] ?? 0)))
                  .map((sum, index) => (
                    <td key={index} className="num">
                      {formatNumber(sum)}
                    </td>
                  ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <CaseloadExport serviceId={exportedService} />
    </>
  );
}
