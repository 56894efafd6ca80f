// The cooperative's month: what is recorded, new rows as a grid, CSV upload, submit the month.
import { useState } from 'react';
import { useInterventions, useSubmitMonth } from '../../api/interventions.ts';
import { useWholePtriList } from '../../api/ptriHooks.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { CsvUpload } from '../../components/coop/CsvUpload.tsx';
import { InterventionGrid } from '../../components/coop/InterventionGrid.tsx';
import { Field } from '../../components/Field.tsx';
import { currentMonth, formatDate, formatMonth, formatHours } from '../../components/format.ts';
import { Empty, ErrorState, Loading, errorText } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

export function InterventionsPage() {
  const user = useCurrentUser();
  const cooperativeId = user.cooperativeId;
  const [month, setMonth] = useState(currentMonth());
  const projects = useWholePtriList({ status: 'active' });
  const recorded = useInterventions({ month, ...(cooperativeId ? { cooperativeId } : {}) });
  const submit = useSubmitMonth(cooperativeId ?? 0);
  const [submitMessage, setSubmitMessage] = useState<string | null>(null);

  if (cooperativeId == null) return <p className="state">{it.coop.noCooperative}</p>;
  const projectList = projects.data?.pages.flatMap((page) => page.items) ?? [];
  const nameOfProject = (id: number | null) => projectList.find((p) => p.id === id)?.personName ?? (id ? it.ptri.titleOf(id) : '—');
  const totalHours = (recorded.data ?? []).reduce((sum, row) => sum + row.hours, 0);

  async function submitMonth() {
    if (!window.confirm(it.coop.submitConfirm)) return;
    setSubmitMessage(null);
    try {
      await submit.mutateAsync(month);
      setSubmitMessage(it.coop.submitted);
    } catch (caught) {
      setSubmitMessage(errorText(caught));
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
        {recorded.isPending ? (
          <Loading />
        ) : recorded.isError ? (
          <ErrorState error={recorded.error} onRetry={() => void recorded.refetch()} />
        ) : recorded.data.length === 0 ? (
          <Empty />
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{it.coop.date}</th>
                  <th scope="col">{it.coop.project}</th>
                  <th scope="col">{it.coop.axis}</th>
                  <th scope="col">{it.coop.activity}</th>
                  <th scope="col" className="num">{it.coop.hours}</th>
                  <th scope="col">{it.coop.operatorRole}</th>
                </tr>
              </thead>
              <tbody>
                {recorded.data.map((row) => (
                  <tr key={row.id}>
                    <td>{formatDate(row.date)}</td>
                    <td>{nameOfProject(row.ptriId)}</td>
                    <td>{it.axes[row.axis]}</td>
                    <td>{row.activity}</td>
                    <td className="num">{formatHours(row.hours)}</td>
                    <td>{row.operatorRole}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <InterventionGrid key={month} projects={projectList} month={month} />
      <CsvUpload key={`csv-${month}`} cooperativeId={cooperativeId} month={month} />
      <section className="card">
        <h2>{it.coop.submitMonth}</h2>
        <div className="actions">
          <button type="button" onClick={() => void submitMonth()} disabled={submit.isPending}>
            {it.coop.submitMonth} ({formatMonth(month)})
          </button>
          {submitMessage && <span role="status">{submitMessage}</span>}
        </div>
      </section>
    </>
  );
}
