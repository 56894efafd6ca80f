// New interventions entered as rows of a grid, checked with the API's own schema: every error of
// every row shows at once on its field, and goes as soon as the field is corrected. Each good row
// is sent on its own, so the good ones are saved while a bad row stays on screen with its errors.
import type { PtriSummary } from '@bds/shared';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../../api/errors.ts';
import { useCreateIntervention } from '../../api/interventions.ts';
import { useActivities } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import type { FieldErrors } from '../formErrors.ts';
import { ItalianNumberInput } from '../ItalianNumberInput.tsx';
import { useSchemaForm } from '../schemaForm.ts';
import { errorText } from '../States.tsx';
import { interventionForm } from './interventionForm.ts';
import { AxisOptions } from '../DistrictAxisFilters.tsx';

/** A row: the intervention and the project it is for. */
const rowForm = interventionForm.extend({
  ptriId: z
    .string()
    .min(1, { error: it.common.required })
    .transform((id) => Number(id)),
});
const gridForm = z.strictObject({ rows: z.array(rowForm) });
type RowDraft = z.input<typeof rowForm>;

/** A project is offered on the days of its period: an intervention outside it would be refused. */
const activeOn = (project: PtriSummary, date: string) => !date || (project.startDate <= date && date <= project.endDate);

const blankRow = (date: string, ptriId = ''): RowDraft => ({
  ptriId,
  date,
  axis: 'habitat',
  activity: '',
  hours: '',
  operatorRole: '',
  notes: '',
});

type Outcome = { saved: number; toFix: number } | null;

export function InterventionGrid({ projects, month }: { projects: readonly PtriSummary[]; month: string }) {
  const create = useCreateIntervention();
  const activities = useActivities();
  const activitiesOf = (axis: string) => (activities.data ?? []).filter((activity) => activity.axis === axis && activity.active);
  const form = useSchemaForm(gridForm, ['rows'], { defaultValues: { rows: [blankRow(`${month}-01`)] } });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'rows' });
  const rows = form.watch('rows');
  const [outcome, setOutcome] = useState<Outcome>(null);
  // The server's refusals of a row, by the row's id, until the field they name changes.
  const [refusals, setRefusals] = useState<Record<string, FieldErrors>>({});
  const forget = (rowId: string, field: string) =>
    setRefusals((prev) => {
      const { [field]: _gone, '(body)': _body, ...kept } = prev[rowId] ?? {};
      return { ...prev, [rowId]: kept };
    });

  async function saveGoodRows() {
    const values = form.getValues('rows');
    const saved: number[] = [];
    const refused: Record<string, FieldErrors> = {};
    for (const [index, row] of values.entries()) {
      const parsed = rowForm.safeParse(row);
      const rowId = fields[index]?.id ?? '';
      if (!parsed.success) continue;
      const { ptriId, ...input } = parsed.data;
      try {
        await create.mutateAsync({ ptriId, input });
        saved.push(index);
      } catch (caught) {
        refused[rowId] =
          isApiError(caught) && Object.keys(caught.fieldErrors).length ? caught.fieldErrors : { '(body)': errorText(caught) };
      }
    }
    const toFix = values.length - saved.length;
    setRefusals(refused);
    // Nothing left to fix starts a fresh grid, without the errors of a save tried.
    if (toFix === 0) form.reset({ rows: [blankRow(`${month}-01`)] });
    else remove(saved);
    setOutcome({ saved: saved.length, toFix });
  }

  const onSave = form.handleSubmit(saveGoodRows, saveGoodRows);
  const errorOf = (index: number, field: string) => form.errorOf(`rows.${index}.${field}`) ?? refusals[fields[index]?.id ?? '']?.[field];
  const cell = (index: number, field: string) => {
    const message = errorOf(index, field);
    return message && <small className="field-error">{message}</small>;
  };
  /** A control of a row, registered on the form; its server refusal goes when it changes. */
  const control = (index: number, field: keyof RowDraft, onChange?: () => void) =>
    form.register(`rows.${index}.${field}`, {
      onChange: () => {
        forget(fields[index]?.id ?? '', field);
        onChange?.();
      },
    });

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
            {fields.map((field, index) => {
              const row = rows[index] ?? blankRow(`${month}-01`);
              return (
                <tr key={field.id}>
                  <td>
                    <select aria-label={`${it.coop.project} ${index + 1}`} aria-required {...control(index, 'ptriId')}>
                      <option value="">—</option>
                      {projects
                        .filter((project) => activeOn(project, row.date) || String(project.id) === row.ptriId)
                        .map((project) => (
                          <option key={project.id} value={project.id}>
                            {project.personName} ({it.ptri.titleOf(project.id)})
                          </option>
                        ))}
                    </select>
                    {cell(index, 'ptriId')}
                    {cell(index, '(body)')}
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={`${it.coop.date} ${index + 1}`}
                      aria-required
                      min={`${month}-01`}
                      max={`${month}-31`}
                      {...control(index, 'date')}
                    />
                    {cell(index, 'date')}
                  </td>
                  <td>
                    <select
                      className="axis-picker"
                      aria-label={`${it.coop.axis} ${index + 1}`}
                      {...control(index, 'axis', () => form.setValue(`rows.${index}.activity`, ''))}
                    >
                      <AxisOptions />
                    </select>
                  </td>
                  <td>
                    <select aria-label={`${it.coop.activity} ${index + 1}`} aria-required {...control(index, 'activity')}>
                      <option value="">—</option>
                      {activitiesOf(row.axis).map((activity) => (
                        <option key={activity.id} value={activity.label}>
                          {activity.label}
                        </option>
                      ))}
                    </select>
                    {cell(index, 'activity')}
                  </td>
                  <td>
                    <ItalianNumberInput
                      kind="hours"
                      aria-label={`${it.coop.hours} ${index + 1}`}
                      aria-required
                      size={5}
                      value={row.hours}
                      onChange={(hours) => {
                        forget(field.id, 'hours');
                        form.change(`rows.${index}.hours`, hours);
                      }}
                    />
                    {cell(index, 'hours')}
                  </td>
                  <td>
                    <input aria-label={`${it.coop.operatorRole} ${index + 1}`} aria-required {...control(index, 'operatorRole')} />
                    {cell(index, 'operatorRole')}
                  </td>
                  <td>
                    <input aria-label={`${it.coop.notes} ${index + 1}`} {...control(index, 'notes')} />
                    {cell(index, 'notes')}
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => remove(index)}>
                      {it.common.remove}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const last = rows.at(-1);
            append(blankRow(last?.date ?? `${month}-01`, last?.ptriId ?? ''), { shouldFocus: false });
          }}
        >
          {it.coop.addRow}
        </button>
        <button
          type="button"
          onClick={() => {
            setOutcome(null);
            void onSave();
          }}
          disabled={create.isPending}
        >
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
