// New interventions entered as rows of a grid; each row is checked with the shared schema and
// sent on its own, so a bad row stays on screen with all its errors while the good ones are saved;
// an error goes as soon as its field is corrected.
import { AXES, createInterventionBody, type Axis, type PtriSummary } from '@bds/shared';
import { useState } from 'react';
import { isApiError } from '../../api/errors.ts';
import { useCreateIntervention } from '../../api/interventions.ts';
import { useActivities } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { issuesToFieldErrors, type FieldErrors } from '../formErrors.ts';
import { ItalianNumberInput, numberOrRefusal } from '../ItalianNumberInput.tsx';
import { newKey } from '../ptri/formModel.ts';
import { errorText } from '../States.tsx';

interface RowDraft {
  key: string;
  ptriId: string;
  date: string;
  axis: Axis;
  activity: string;
  hours: string;
  operatorRole: string;
  notes: string;
  errors: FieldErrors;
}

/** A project is offered on the days of its period: an intervention outside it would be refused. */
const activeOn = (project: PtriSummary, date: string) => !date || (project.startDate <= date && date <= project.endDate);

const blankRow = (date: string): RowDraft => ({
  key: newKey(),
  ptriId: '',
  date,
  axis: 'habitat',
  activity: '',
  hours: '',
  operatorRole: '',
  notes: '',
  errors: {},
});

/** A row as the body the API takes, with every error the form can find without asking the server. */
function checkRow(row: RowDraft) {
  const hours = numberOrRefusal(row.hours);
  const body = {
    date: row.date,
    axis: row.axis,
    activity: row.activity,
    hours: hours.value ?? undefined,
    operatorRole: row.operatorRole,
    ...(row.notes.trim() ? { notes: row.notes } : {}),
  };
  const parsed = createInterventionBody.safeParse(body);
  const errors: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
  if (hours.refusal) errors.hours = hours.refusal;
  if (!row.ptriId) errors.ptriId = it.common.required;
  return { input: Object.keys(errors).length === 0 && parsed.success ? parsed.data : null, errors };
}

type Outcome = { saved: number; toFix: number } | null;

export function InterventionGrid({ projects, month }: { projects: readonly PtriSummary[]; month: string }) {
  const create = useCreateIntervention();
  const activities = useActivities();
  const activitiesOf = (axis: Axis) => (activities.data ?? []).filter((activity) => activity.axis === axis && activity.active);
  const [rows, setRows] = useState<RowDraft[]>(() => [blankRow(`${month}-01`)]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // A row that showed errors is checked again as it is corrected; the server's errors on the fields changed go.
  const patch = (key: string, change: Partial<RowDraft>) =>
    setRows((prev) =>
      prev.map((row) => {
        if (row.key !== key) return row;
        const next = { ...row, ...change };
        if (Object.keys(row.errors).length === 0) return next;
        const kept = Object.fromEntries(Object.entries(row.errors).filter(([field]) => !(field in change) && field !== '(body)'));
        return { ...next, errors: { ...kept, ...checkRow(next).errors } };
      }),
    );

  async function saveAll() {
    setOutcome(null);
    let saved = 0;
    const remaining: RowDraft[] = [];
    for (const row of rows) {
      const { input, errors } = checkRow(row);
      if (!input) {
        remaining.push({ ...row, errors });
        continue;
      }
      try {
        await create.mutateAsync({ ptriId: Number(row.ptriId), input });
        saved += 1;
      } catch (caught) {
        remaining.push({
          ...row,
          errors: isApiError(caught) && Object.keys(caught.fieldErrors).length ? caught.fieldErrors : { '(body)': errorText(caught) },
        });
      }
    }
    setRows(remaining.length ? remaining : [blankRow(`${month}-01`)]);
    setOutcome({ saved, toFix: remaining.length });
  }

  const cell = (row: RowDraft, field: string) => row.errors[field] && <small className="field-error">{row.errors[field]}</small>;
  return (
    <section className="card">
      <h2>{it.coop.addRow}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table className="month-grid">
          <thead>
            <tr>
              <th scope="col">{it.coop.project}</th>
              <th scope="col">{it.coop.date}</th>
              <th scope="col">{it.coop.axis}</th>
              <th scope="col">{it.coop.activity}</th>
              <th scope="col">{it.coop.hours}</th>
              <th scope="col">{it.coop.operatorRole}</th>
              <th scope="col">{it.coop.notes}</th>
              <th scope="col">
                <span className="visually-hidden">{it.common.remove}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key}>
                <td>
                  <select
                    aria-label={`${it.coop.project} ${index + 1}`}
                    aria-required
                    value={row.ptriId}
                    onChange={(e) => patch(row.key, { ptriId: e.target.value })}
                  >
                    <option value="">—</option>
                    {projects
                      .filter((project) => activeOn(project, row.date) || String(project.id) === row.ptriId)
                      .map((project) => (
                        <option key={project.id} value={project.id}>
                          {project.personName} ({it.ptri.titleOf(project.id)})
                        </option>
                      ))}
                  </select>
                  {cell(row, 'ptriId')}
                  {cell(row, '(body)')}
                </td>
                <td>
                  <input
                    type="date"
                    aria-label={`${it.coop.date} ${index + 1}`}
                    aria-required
                    value={row.date}
                    min={`${month}-01`}
                    max={`${month}-31`}
                    onChange={(e) => patch(row.key, { date: e.target.value })}
                  />
                  {cell(row, 'date')}
                </td>
                <td>
                  <select
                    aria-label={`${it.coop.axis} ${index + 1}`}
                    value={row.axis}
                    onChange={(e) => patch(row.key, { axis: e.target.value as Axis, activity: '' })}
                  >
                    {AXES.map((axis) => (
                      <option key={axis} value={axis}>
                        {it.axes[axis]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`${it.coop.activity} ${index + 1}`}
                    aria-required
                    value={row.activity}
                    onChange={(e) => patch(row.key, { activity: e.target.value })}
                  >
                    <option value="">—</option>
                    {activitiesOf(row.axis).map((activity) => (
                      <option key={activity.id} value={activity.label}>
                        {activity.label}
                      </option>
                    ))}
                  </select>
                  {cell(row, 'activity')}
                </td>
                <td>
                  <ItalianNumberInput
                    kind="hours"
                    aria-label={`${it.coop.hours} ${index + 1}`}
                    aria-required
                    size={5}
                    value={row.hours}
                    onChange={(hours) => patch(row.key, { hours })}
                  />
                  {cell(row, 'hours')}
                </td>
                <td>
                  <input
                    aria-label={`${it.coop.operatorRole} ${index + 1}`}
                    aria-required
                    value={row.operatorRole}
                    onChange={(e) => patch(row.key, { operatorRole: e.target.value })}
                  />
                  {cell(row, 'operatorRole')}
                </td>
                <td>
                  <input
                    aria-label={`${it.coop.notes} ${index + 1}`}
                    value={row.notes}
                    onChange={(e) => patch(row.key, { notes: e.target.value })}
                  />
                  {cell(row, 'notes')}
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => setRows((prev) => prev.filter((r) => r.key !== row.key))}>
                    {it.common.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setRows((prev) => [...prev, { ...blankRow(prev.at(-1)?.date ?? `${month}-01`), ptriId: prev.at(-1)?.ptriId ?? '' }])
          }
        >
          {it.coop.addRow}
        </button>
        <button type="button" onClick={() => void saveAll()} disabled={create.isPending}>
          {it.coop.saveRows}
        </button>
        {outcome && outcome.saved > 0 && (
          <span className="success" role="status">
            {it.coop.savedRows(outcome.saved)}
          </span>
        )}
        {outcome && outcome.toFix > 0 && (
          <span className="form-error" role="alert">
            {outcome.saved === 0 && `${it.coop.nothingSaved} `}
            {it.coop.rowsToFix(outcome.toFix)}
          </span>
        )}
      </div>
    </section>
  );
}
