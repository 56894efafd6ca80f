// Create or change a community resource: checked by the route's own schema before it is sent, the
// server's field errors shown beside the same fields.
import { useState, type FormEvent } from 'react';
import { PROVIDER_KINDS, RESOURCE_KINDS, resourceBody, type Resource } from '@bds/shared';
import { useDistricts } from '../../api/reference.ts';
import { useSaveResource } from '../../api/resources.ts';
import { it } from '../../i18n/it.ts';
import { resources as t } from '../../i18n/itResources.ts';
import { Field } from '../Field.tsx';
import { issuesToFieldErrors, refusalMessage, type FieldErrors } from '../formErrors.ts';
import { AxisOptions } from '../DistrictAxisFilters.tsx';

const FIELDS = ['name', 'kind', 'axis', 'districtIds', 'provider', 'providerKind', 'runtsNumber', 'contact', 'active'] as const;

function valuesOf(resource: Resource | null) {
  return {
    name: resource?.name ?? '',
    kind: resource?.kind ?? 'group',
    axis: resource?.axis ?? 'sociality',
    districtIds: resource?.districtIds ?? [],
    provider: resource?.provider ?? '',
    providerKind: resource?.providerKind ?? 'ets',
    runtsNumber: resource?.runtsNumber ?? '',
    contact: resource?.contact ?? '',
    active: resource?.active ?? true,
  };
}

export function ResourceForm({ resource }: { resource: Resource | null }) {
  const districts = useDistricts();
  const save = useSaveResource(resource?.id ?? null);
  const [values, setValues] = useState(() => valuesOf(resource));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const set =
    (key: 'name' | 'kind' | 'axis' | 'provider' | 'providerKind' | 'runtsNumber' | 'contact') => (e: { target: { value: string } }) =>
      setValues({ ...values, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const parsed = resourceBody.safeParse({ ...values, runtsNumber: values.runtsNumber || null, contact: values.contact || null });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync(parsed.data);
      setMessage(t.saved);
      if (!resource) setValues(valuesOf(null));
    } catch (caught) {
      setMessage(refusalMessage(caught, (path) => (FIELDS as readonly string[]).includes(path)));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="row">
        <Field label={t.name} error={errors.name} required>
          <input value={values.name} onChange={set('name')} />
        </Field>
        <Field label={t.kind} error={errors.kind} required>
          <select value={values.kind} onChange={set('kind')}>
            {RESOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.kinds[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.axis} error={errors.axis} required>
          <select value={values.axis} onChange={set('axis')}>
            <AxisOptions />
          </select>
        </Field>
        <Field label={t.provider} error={errors.provider} required>
          <input value={values.provider} onChange={set('provider')} />
        </Field>
        <Field label={t.providerKind} error={errors.providerKind} required>
          <select value={values.providerKind} onChange={set('providerKind')}>
            {PROVIDER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.providerKinds[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.runtsNumber} error={errors.runtsNumber}>
          <input value={values.runtsNumber} onChange={set('runtsNumber')} inputMode="numeric" />
        </Field>
        <Field label={t.contact} error={errors.contact}>
          <input value={values.contact} onChange={set('contact')} />
        </Field>
      </div>
      <fieldset>
        <legend>{t.districts}</legend>
        {errors.districtIds && <p className="field-error">{errors.districtIds}</p>}
        {(districts.data ?? []).map((d) => (
          <label key={d.id} className="check">
            <input
              type="checkbox"
              checked={values.districtIds.includes(d.id)}
              onChange={(e) =>
                setValues({
                  ...values,
                  districtIds: e.target.checked ? [...values.districtIds, d.id] : values.districtIds.filter((id) => id !== d.id),
                })
              }
            />{' '}
            {d.name}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={values.active} onChange={(e) => setValues({ ...values, active: e.target.checked })} /> {t.active}
      </label>
      {message && <p role="status">{message}</p>}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? it.common.saving : t.save}
        </button>
      </div>
    </form>
  );
}
