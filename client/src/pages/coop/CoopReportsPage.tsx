// The cooperative's months of a year: submitted, validated, or returned with the service's note.
import { useState } from 'react';
import { useCoopReports } from '../../api/interventions.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { Field } from '../../components/Field.tsx';
import { formatDateTime, formatHours, formatMonth, today } from '../../components/format.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

export function CoopReportsPage() {
  const user = useCurrentUser();
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const reports = useCoopReports(user.cooperativeId, year);

  if (user.cooperativeId == null) return <p className="state">{it.coop.noCooperative}</p>;
  return (
    <>
      <div className="page-head">
        <h1>{it.coop.reportsTitle}</h1>
        <Field label={it.coop.year}>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      ) : reports.data.length === 0 ? (
        <Empty />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{it.coop.month}</th>
                <th scope="col">{it.coop.status}</th>
                <th scope="col" className="num">
                  {it.coop.hours}
                </th>
                <th scope="col">{it.coop.note}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.map((report) => {
                const notes = [
                  report.note,
                  ...report.parts.filter((part) => part.note).map((part) => `${part.serviceName}: ${part.note}`),
                ].filter(Boolean);
                return (
                  <tr key={report.month}>
                    <td>{formatMonth(report.month)}</td>
                    <td>
                      <span className={`badge badge-${report.status}`}>{it.reportStatuses[report.status] ?? report.status}</span>
                      {report.submittedAt && <div className="diff">{formatDateTime(report.submittedAt)}</div>}
                    </td>
                    <td className="num">{formatHours(report.totals.hours)}</td>
                    <td>{notes.length ? notes.join(' · ') : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
