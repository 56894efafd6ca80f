// Correcting one recorded intervention of a month still open to changes, checked with the same
// shared schema as the API before it is sent.
import { AXES, formatNumberInput, updateInterventionBody, type Axis, type Intervention } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/errors.ts';
import { useUpdateIntervention } from '../../api/interventions.ts';
import { useActivities } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Dialog } from '../Dialog.tsx';
import { Field } from '../Field.tsx';
import { besideFieldsOf, issuesToFieldErrors, refusalMessage, type FieldErrors } from '../formErrors.ts';
import { ItalianNumberInput, numberOrRefusal } from '../ItalianNumberInput.tsx';

const FIELDS = ['date', 'axis', 'activity', 'hours', 'operatorRole', 'notes'] as const;

export function InterventionEditor({ intervention, onClose }: { intervention: Intervention; onClose: () => void }) {
  const update = useUpdateIntervention();
  const activities = useActivities();
  const [values, setValues] = useState({
    date: intervention.date,
    axis: intervention.axis,
    activity: intervention.activity,
    hours: formatNumberInput(intervention.hours, 'hours'),
    operatorRole: intervention.operatorRole,
    notes: intervention.notes ?? '',
  });
  const [checking, setChecking] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);

  const hours = numberOrRefusal(values.hours);
  const body = { ...values, hours: hours.value ?? undefined, notes: values.notes.trim() ? values.notes : null };
  const parsed = updateInterventionBody.safeParse(body);
  const ownErrors: FieldErrors = checking
    ? { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error)), ...(hours.refusal ? { hours: hours.refusal } : {}) }
    : {};
  const errors = { ...serverErrors, ...ownErrors };
  const set = (key: (typeof FIELDS)[number], value: string) => {
    setValues((prev) => ({ ...prev, [key]: value, ...(key === 'axis' ? { activity: '' } : {}) }));
    setServerErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([path]) => path !== key)));
    setRefusal(null);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecking(true);
    setServerErrors({});
    setRefusal(null);
    if (!parsed.success || hours.refusal) return;
    try {
      await update.mutateAsync({ id: intervention.id, input: parsed.data });
      onClose();
    } catch (caught) {
      if (isApiError(caught)) setServerErrors(caught.fieldErrors);
      setRefusal(refusalMessage(caught, besideFieldsOf(FIELDS)));
    }
  }

  const axisActivities = (activities.data ?? []).filter(
    (activity) => activity.axis === values.axis && (activity.active || activity.label === values.activity),
  );
  return (
    <Dialog title={it.coop.editTitle} onClose={onClose}>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <div className="grid">
          <Field required label={it.coop.date} error={errors.date}>
            <input
              type="date"
              value={values.date}
              min={`${intervention.month}-01`}
              max={`${intervention.month}-31`}
              onChange={(e) => set('date', e.target.value)}
            />
          </Field>
          <Field required label={it.coop.axis} error={errors.axis}>
            <select value={values.axis} onChange={(e) => set('axis', e.target.value as Axis)}>
              {AXES.map((axis) => (
                <option key={axis} value={axis}>
                  {it.axes[axis]}
                </option>
              ))}
            </select>
          </Field>
          <Field required label={it.coop.activity} error={errors.activity}>
            <select value={values.activity} onChange={(e) => set('activity', e.target.value)}>
              <option value="">—</option>
              {axisActivities.map((activity) => (
                <option key={activity.id} value={activity.label}>
                  {activity.label}
                </option>
              ))}
            </select>
          </Field>
          <Field required label={it.coop.hours} error={errors.hours}>
            <ItalianNumberInput kind="hours" value={values.hours} onChange={(text) => set('hours', text)} />
          </Field>
          <Field required label={it.coop.operatorRole} error={errors.operatorRole}>
            <input value={values.operatorRole} onChange={(e) => set('operatorRole', e.target.value)} />
          </Field>
          <Field label={it.coop.notes} error={errors.notes}>
            <input value={values.notes} onChange={(e) => set('notes', e.target.value)} />
          </Field>
        </div>
        {(Object.keys(ownErrors).length > 0 || refusal) && (
          <p className="form-error" role="alert">
            {Object.keys(ownErrors).length ? it.common.formHasErrors : refusal}
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
