// Active projects per service on a date up to today (expired ones among them), by intensity and open goals per axis, grouped by district.
import { AXES, INTENSITIES } from '@bds/shared';
import { useState } from 'react';
import { useCaseload } from '../../api/reports.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { nameOf, useDistricts, useServices } from '../../api/reference.ts';
import { Field } from '../../components/Field.tsx';
import { formatNumber, today } from '../../components/format.ts';
import { CaseloadExport } from '../../components/reports/CaseloadExport.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

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
      <h1>{it.reports.caseloadTitle}</h1>
      <div className="card row">
        <Field label={it.reports.date}>
          <input type="date" value={date} max={today()} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </Field>
        <Field label={it.reports.service}>
          <select value={serviceId ?? ''} onChange={(e) => setServiceId(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{it.common.all}</option>
            {services.data?.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="hint">{it.reports.caseloadMeaning}</p>
      {caseload.isPending ? (
        <Loading />
      ) : caseload.isError ? (
        <ErrorState error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : caseload.data.rows.length === 0 ? (
        <Empty />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{it.reports.district}</th>
                <th scope="col">{it.reports.service}</th>
                <th scope="col" className="num">{it.reports.active}</th>
                {INTENSITIES.map((i) => (
                  <th key={i} scope="col" className="num">{it.intensities[i]}</th>
                ))}
                {AXES.map((axis) => (
                  <th key={axis} scope="col" className="num">{it.axes[axis]}</th>
                ))}
                <th scope="col" className="num">{it.reports.overdueTitle}</th>
                <th scope="col" className="num">{it.reports.expired}</th>
              </tr>
            </thead>
            <tbody>
              {[...caseload.data.rows]
                .sort((a, b) => districtOf(a.serviceId).localeCompare(districtOf(b.serviceId), 'it') || a.serviceName.localeCompare(b.serviceName, 'it'))
                .map((row) => (
                  <tr key={row.serviceId}>
                    <td>{districtOf(row.serviceId)}</td>
                    <th scope="row">{row.serviceName}</th>
                    <td className="num">{formatNumber(row.projects)}</td>
                    {INTENSITIES.map((i) => (
                      <td key={i} className="num">{formatNumber(row.byIntensity[i])}</td>
                    ))}
                    {AXES.map((axis) => (
                      <td key={axis} className="num">{formatNumber(row.openGoals[axis])}</td>
                    ))}
                    <td className="num">{formatNumber(row.reviewsOverdue)}</td>
                    <td className="num">{formatNumber(row.expired)}</td>
                  </tr>
                ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>{it.ptri.total}</th>
                <td className="num">{formatNumber(caseload.data.total)}</td>
                <td colSpan={INTENSITIES.length + AXES.length + 2} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <CaseloadExport serviceId={exportedService} />
    </>
  );
}
