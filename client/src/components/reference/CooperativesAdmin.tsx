import { cooperativeBody, cooperativeUpdateBody, type Cooperative } from '@bds/shared';
import { useCooperatives } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { FormButtons } from '../FormButtons.tsx';
import { ReferenceTable } from './ReferenceTable.tsx';
import { useReferenceForm, type ReferenceFormProps } from './useReferenceForm.ts';

/** The body fields this form shows an error beside. */
const COOPERATIVE_FIELDS = ['name', 'vatNumber'];

function CooperativeForm({ item, onSaved, onCancel }: ReferenceFormProps<Cooperative>) {
  const { form, submit, pending } = useReferenceForm({
    kind: 'cooperatives',
    id: item?.id ?? null,
    schemas: { create: cooperativeBody, update: cooperativeUpdateBody },
    fields: COOPERATIVE_FIELDS,
    draft: { name: item?.name ?? '', vatNumber: item?.vatNumber ?? '', active: item?.active ?? true },
    toBody: ({ name, vatNumber, active }) => ({ name, vatNumber: vatNumber.trim() || null, active }),
    onSaved,
  });
  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <Field label={it.reference.name} error={form.errorOf('name')}>
        <input {...form.register('name')} />
      </Field>
      <Field label={it.reference.vatNumber} error={form.errorOf('vatNumber')}>
        <input {...form.register('vatNumber')} inputMode="numeric" />
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...form.register('active')} /> {it.reference.active}
      </label>
      <FormButtons pending={pending} formError={form.formError} onCancel={onCancel} />
    </form>
  );
}

export function CooperativesAdmin() {
  return (
    <ReferenceTable
      title={it.reference.cooperatives}
      query={useCooperatives()}
      nameOf={(c) => c.name}
      columns={[
        { head: it.reference.name, cell: (c) => c.name },
        { head: it.reference.vatNumber, cell: (c) => c.vatNumber ?? '—' },
        { head: it.reference.active, cell: (c) => (c.active ? it.common.yes : it.common.no) },
      ]}
      Form={CooperativeForm}
    />
  );
}
