import { SERVICE_KINDS, serviceBody, serviceUpdateBody, type Service } from '@bds/shared';
import { nameOf, useDistricts, useServices } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { FormButtons } from '../FormButtons.tsx';
import { ReferenceTable } from './ReferenceTable.tsx';
import { useReferenceForm, type ReferenceFormProps } from './useReferenceForm.ts';
import { DistrictOptions } from '../DistrictAxisFilters.tsx';

/** The body fields this form shows an error beside. */
const SERVICE_FIELDS = ['code', 'kind', 'name', 'districtId', 'aliases'];

function ServiceForm({ item, onSaved, onCancel }: ReferenceFormProps<Service>) {
  const { form, submit, pending } = useReferenceForm({
    kind: 'services',
    id: item?.id ?? null,
    schemas: { create: serviceBody, update: serviceUpdateBody },
    fields: SERVICE_FIELDS,
    draft: {
      code: item?.code ?? '',
      kind: item?.kind ?? 'CSM',
      name: item?.name ?? '',
      districtId: String(item?.districtId ?? ''),
      aliases: (item?.aliases ?? []).join('\n'),
      active: item?.active ?? true,
    },
    toBody: ({ code, kind, name, districtId, aliases, active }) => ({
      code: code.trim().toUpperCase(),
      kind,
      name,
      districtId: Number(districtId),
      aliases: aliases
        .split('\n')
        .map((alias) => alias.trim())
        .filter(Boolean),
      active,
    }),
    onSaved,
  });
  const aliasError = Object.entries(form.fieldErrors).find(([path]) => path.startsWith('aliases'))?.[1];
  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <Field label={it.reference.code} error={form.errorOf('code')}>
        <input {...form.register('code')} />
      </Field>
      <Field label={it.reference.kind} error={form.errorOf('kind')}>
        <select {...form.register('kind')}>
          {SERVICE_KINDS.map((value) => (
            <option key={value} value={value}>
              {it.serviceKinds[value]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={it.reference.name} error={form.errorOf('name')}>
        <input {...form.register('name')} />
      </Field>
      <Field label={it.reference.district} error={form.errorOf('districtId')}>
        <select {...form.register('districtId')}>
          <option value="">—</option>
          <DistrictOptions />
        </select>
      </Field>
      <Field label={it.reference.aliases} hint={it.reference.aliasesHint} error={aliasError}>
        <textarea {...form.register('aliases')} rows={3} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...form.register('active')} /> {it.reference.active}
      </label>
      <FormButtons pending={pending} formError={form.formError} onCancel={onCancel} />
    </form>
  );
}

export function ServicesAdmin() {
  const districts = useDistricts();
  return (
    <ReferenceTable
      title={it.reference.services}
      query={useServices()}
      nameOf={(s) => s.name}
      columns={[
        { head: it.reference.code, cell: (s) => s.code },
        { head: it.reference.kind, cell: (s) => s.kind },
        { head: it.reference.name, cell: (s) => s.name },
        { head: it.reference.district, cell: (s) => nameOf(districts.data, s.districtId) },
        { head: it.reference.aliases, cell: (s) => s.aliases.join('; ') || '—' },
        { head: it.reference.active, cell: (s) => (s.active ? it.common.yes : it.common.no) },
      ]}
      Form={ServiceForm}
    />
  );
}
