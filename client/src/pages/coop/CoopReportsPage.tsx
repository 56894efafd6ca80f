// The cooperative's months of a year: submitted, validated, or returned with the service's note.
import { useState } from 'react';
import type { MonthlyReport } from '@bds/shared';
import { useCoopReports } from '../../api/interventions.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { YearSelect } from '../../components/reports/ReportFilters.tsx';
import { formatDateTime, formatHours, formatMonth, today } from '../../components/format.ts';
import { QueryStates } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

/** The month's own note, then each returned part's, with the service it came from. */
function notesOf(report: MonthlyReport): string {
  const notes = [report.note, ...report.parts.filter((part) => part.note).map((part) => `${part.serviceName}: ${part.note}`)].filter(
    Boolean,
  );
  return notes.length ? notes.join(' · ') : '—';
}

const COLUMNS: readonly Column<MonthlyReport>[] = [
  { head: it.coop.month, cell: (report) => formatMonth(report.month) },
  {
    head: it.coop.status,
    cell: (report) => (
      <>
        <span className={`badge badge-${report.status}`}>{it.reportStatuses[report.status] ?? report.status}</span>
        {report.submittedAt && <div className="diff">{formatDateTime(report.submittedAt)}</div>}
      </>
    ),
  },
  { head: it.coop.hours, cell: (report) => formatHours(report.totals.hours), num: true },
  { head: it.coop.note, cell: notesOf },
];

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
        <YearSelect value={year} onChange={(y) => setYear(y ?? thisYear)} recent={3} />
      </div>
      <QueryStates query={reports} empty={reports.data?.length === 0}>
        {() => <ReportTable label={it.coop.reportsTitle} columns={COLUMNS} rows={reports.data ?? []} rowKey={(report) => report.month} />}
      </QueryStates>
    </>
  );
}
