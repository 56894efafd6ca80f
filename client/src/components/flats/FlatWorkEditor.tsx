// Correcting the flat's own hours of a month part still open to changes, checked with the same
// shared schema as the API before it is sent.
import { formatNumberInput, interventionFields, type FlatIntervention } from '@bds/shared';
import { z } from 'zod';
import { useUpdateFlatWork } from '../../api/flats.ts';
import { flats as t } from '../../i18n/itFlats.ts';
import { Dialog } from '../Dialog.tsx';
import { Field } from '../Field.tsx';
import { FormButtons } from '../FormButtons.tsx';
import { ItalianNumberInput } from '../ItalianNumberInput.tsx';
import { italianNumberText, useSchemaForm } from '../schemaForm.ts';

const FIELDS = ['date', 'activity', 'hours', 'operatorRole', 'notes'] as const;

const flatWorkForm = z.strictObject({
  date: interventionFields.date,
  activity: interventionFields.activity,
  hours: italianNumberText(interventionFields.hours),
  operatorRole: interventionFields.operatorRole,
  notes: z
    .string()
    .transform((notes): string | null | undefined => (notes.trim() ? notes : null))
    .pipe(interventionFields.notes),
});

export function FlatWorkEditor({
  work,
  activities,
  onClose,
}: {
  work: FlatIntervention;
  /** The habitat axis's activity labels to choose from. */
  activities: string[];
  onClose: () => void;
}) {
  const update = useUpdateFlatWork();
  const form = useSchemaForm(flatWorkForm, FIELDS, {
    defaultValues: {
      date: work.date,
      activity: work.activity,
      hours: formatNumberInput(work.hours, 'hours'),
      operatorRole: work.operatorRole,
      notes: work.notes ?? '',
    },
  });
  const { register, errorOf } = form;
  const hours = form.watch('hours');
  const onSubmit = form.handleSubmit(async (body) => {
    try {
      await update.mutateAsync({ id: work.id, body });
      onClose();
    } catch (caught) {
      form.refuse(caught);
    }
  });
  const choices = activities.includes(work.activity) ? activities : [work.activity, ...activities];
  return (
    <Dialog title={t.editWork} onClose={onClose}>
      <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="grid">
          <Field required label={t.date} error={errorOf('date')}>
            <input type="date" {...register('date')} />
          </Field>
          <Field required label={t.activity} error={errorOf('activity')}>
            <select {...register('activity')}>
              {choices.map((label) => (
                <option key={label} value={label}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field required label={t.hours} error={errorOf('hours')}>
            <ItalianNumberInput kind="hours" value={hours} onChange={(text) => form.change('hours', text)} />
          </Field>
          <Field required label={t.operatorRole} error={errorOf('operatorRole')}>
            <input {...register('operatorRole')} />
          </Field>
          <Field label={t.notes} error={errorOf('notes')}>
            <input {...register('notes')} />
          </Field>
        </div>
        <FormButtons pending={update.isPending} formError={form.formError} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
