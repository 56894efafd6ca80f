// The cooperative's month: what is recorded (corrected or deleted while the month is open or
// returned), new rows as a grid, CSV upload, submit the month; a submitted month says so.
import { monthTakesWork, sumHours, type Intervention, type MonthlyReport } from '@bds/shared';
import { useState } from 'react';
import { useCoopReports, useDeleteIntervention, useInterventions, useSubmitMonth } from '../../api/interventions.ts';
import { useWholePtriList } from '../../api/ptriHooks.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { CsvUpload } from '../../components/coop/CsvUpload.tsx';
import { InterventionEditor } from '../../components/coop/InterventionEditor.tsx';
import { InterventionGrid } from '../../components/coop/InterventionGrid.tsx';
import { interventionColumns } from '../../components/coop/interventionColumns.tsx';
import { ReportTable } from '../../components/reports/ReportTable.tsx';
import { Field } from '../../components/Field.tsx';
import { RowActions } from '../../components/RowActions.tsx';
import { currentMonth, formatDate, formatDateTime, formatHours, formatMonth } from '../../components/format.ts';
import { Empty, ErrorState, Loading, errorText } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

export function InterventionsPage() {
  const user = useCurrentUser();
  const cooperativeId = user.cooperativeId;
  const [month, setMonth] = useState(currentMonth());
  const projects = useWholePtriList({ status: 'active' });
  const recorded = useInterventions({ month, ...(cooperativeId ? { cooperativeId } : {}) });
  const submit = useSubmitMonth(cooperativeId ?? 0);
  const remove = useDeleteIntervention();
  const reports = useCoopReports(cooperativeId ?? null, Number(month.slice(0, 4)));
  const report = reports.data?.find((candidate) => candidate.month === month);
  const [submitMessage, setSubmitMessage] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Intervention | null>(null);

  if (cooperativeId == null) return <p className="state">{it.coop.noCooperative}</p>;
  const projectList = projects.data?.pages.flatMap((page) => page.items) ?? [];
  const nameOfProject = (id: number | null) => projectList.find((p) => p.id === id)?.personName ?? (id ? it.ptri.titleOf(id) : '—');
  const totalHours = sumHours((recorded.data ?? []).map((row) => row.hours));
  // Until the month's status is known its controls stay hidden rather than offered in vain.
  const takesWork = report !== undefined && monthTakesWork(report.status);
  const rowsEditable = (recorded.data ?? []).some((row) => row.editable);
  const columns = interventionColumns(nameOfProject);
  if (rowsEditable)
    columns.push({
      head: it.coop.actions,
      cell: (row) =>
        row.editable && (
          <RowActions
            editLabel={it.coop.editRow(formatDate(row.date))}
            deleteLabel={it.coop.deleteRow(formatDate(row.date))}
            confirmDelete={it.coop.deleteConfirm}
            deleting={remove.isPending}
            onEdit={() => setEditing(row)}
            onDelete={() => void deleteRow(row)}
          />
        ),
    });

  async function submitMonth() {
    if (!window.confirm(it.coop.submitConfirm)) return;
    setSubmitMessage(null);
    try {
      await submit.mutateAsync(month);
      setSubmitMessage(null);
    } catch (caught) {
      setSubmitMessage(errorText(caught));
    }
  }

  async function deleteRow(row: Intervention) {
    setRowError(null);
    try {
      await remove.mutateAsync(row.id);
    } catch (caught) {
      setRowError(errorText(caught));
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>{it.coop.interventionsTitle}</h1>
        <Field label={it.coop.month}>
          <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </Field>
      </div>
      <section className="card">
        <h2>
          {formatMonth(month)} – {it.coop.monthTotal(formatHours(totalHours))}
        </h2>
        {report && <MonthState report={report} />}
        {rowError && (
          <p className="form-error" role="alert">
            {rowError}
          </p>
        )}
        {recorded.isPending ? (
          <Loading />
        ) : recorded.isError ? (
          <ErrorState error={recorded.error} onRetry={() => void recorded.refetch()} />
        ) : recorded.data.length === 0 ? (
          <Empty />
        ) : (
          <ReportTable label={it.coop.interventionsTitle} columns={columns} rows={recorded.data} rowKey={(row) => row.id} />
        )}
      </section>
      {editing && <InterventionEditor intervention={editing} onClose={() => setEditing(null)} />}
      {takesWork && (
        <>
          <InterventionGrid key={month} projects={projectList} month={month} />
          <CsvUpload key={`csv-${month}`} cooperativeId={cooperativeId} month={month} />
          <section className="card">
            <h2>{it.coop.submitMonth}</h2>
            <div className="actions">
              <button type="button" onClick={() => void submitMonth()} disabled={submit.isPending}>
                {it.coop.submitMonth} ({formatMonth(month)})
              </button>
              {submitMessage && (
                <span className="form-error" role="alert">
                  {submitMessage}
                </span>
              )}
            </div>
          </section>
        </>
      )}
    </>
  );
}

function MonthState({ report }: { report: MonthlyReport }) {
  const text =
    report.status === 'submitted' ? it.coop.monthState.submitted(formatDateTime(report.submittedAt)) : it.coop.monthState[report.status];
  return (
    <div className={`month-state month-state-${report.status}`} role="status">
      <p>
        <span className={`badge badge-${report.status}`}>{it.reportStatuses[report.status]}</span> <span>{text}</span>
      </p>
      {report.status === 'returned' && report.note && <p>{it.coop.returnNote(report.note)}</p>}
    </div>
  );
}
