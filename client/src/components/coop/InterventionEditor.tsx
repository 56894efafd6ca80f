// Correcting one recorded intervention of a month still open to changes, checked with the same
// shared schema as the API before it is sent.
import { formatNumberInput, type Intervention } from '@bds/shared';
import { useUpdateIntervention } from '../../api/interventions.ts';
import { useActivities } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Dialog } from '../Dialog.tsx';
import { Field } from '../Field.tsx';
import { ItalianNumberInput } from '../ItalianNumberInput.tsx';
import { useSchemaForm } from '../schemaForm.ts';
import { interventionForm } from './interventionForm.ts';
import { AxisOptions } from '../DistrictAxisFilters.tsx';

const FIELDS = ['date', 'axis', 'activity', 'hours', 'operatorRole', 'notes'] as const;

export function InterventionEditor({ intervention, onClose }: { intervention: Intervention; onClose: () => void }) {
  const update = useUpdateIntervention();
  const activities = useActivities();
  const form = useSchemaForm(interventionForm, FIELDS, {
    defaultValues: {
      date: intervention.date,
      axis: intervention.axis,
      activity: intervention.activity,
      hours: formatNumberInput(intervention.hours, 'hours'),
      operatorRole: intervention.operatorRole,
      notes: intervention.notes ?? '',
    },
  });
  const { register, errorOf, setValue } = form;
  const [axis, activity, hours] = form.watch(['axis', 'activity', 'hours']);

  const onSubmit = form.handleSubmit(async (input) => {
    try {
      await update.mutateAsync({ id: intervention.id, input });
      onClose();
    } catch (caught) {
      form.refuse(caught);
    }
  });

  const axisActivities = (activities.data ?? []).filter((choice) => choice.axis === axis && (choice.active || choice.label === activity));
  return (
    <Dialog title={it.coop.editTitle} onClose={onClose}>
      <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="grid">
          <Field required label={it.coop.date} error={errorOf('date')}>
            <input type="date" {...register('date')} min={`${intervention.month}-01`} max={`${intervention.month}-31`} />
          </Field>
          <Field required label={it.coop.axis} error={errorOf('axis')}>
            <select {...register('axis', { onChange: () => setValue('activity', '') })}>
              <AxisOptions />
            </select>
          </Field>
          <Field required label={it.coop.activity} error={errorOf('activity')}>
            <select {...register('activity')}>
              <option value="">—</option>
              {axisActivities.map((activity) => (
                <option key={activity.id} value={activity.label}>
                  {activity.label}
                </option>
              ))}
            </select>
          </Field>
          <Field required label={it.coop.hours} error={errorOf('hours')}>
            <ItalianNumberInput kind="hours" value={hours} onChange={(text) => form.change('hours', text)} />
          </Field>
          <Field required label={it.coop.operatorRole} error={errorOf('operatorRole')}>
            <input {...register('operatorRole')} />
          </Field>
          <Field label={it.coop.notes} error={errorOf('notes')}>
            <input {...register('notes')} />
          </Field>
        </div>
        {form.formError && (
          <p className="form-error" role="alert">
            {form.formError}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={update.isPending}>
            {update.isPending ? it.common.saving : it.common.save}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {it.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
