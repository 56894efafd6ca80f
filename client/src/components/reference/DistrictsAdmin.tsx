import { districtBody, districtUpdateBody, type District } from '@bds/shared';
import { useDistricts } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { FormButtons } from '../FormButtons.tsx';
import { ReferenceTable } from './ReferenceTable.tsx';
import { useReferenceForm, type ReferenceFormProps } from './useReferenceForm.ts';

/** The body fields this form shows an error beside. */
const DISTRICT_FIELDS = ['code', 'name'];

function DistrictForm({ item, onSaved, onCancel }: ReferenceFormProps<District>) {
  const { form, submit, pending } = useReferenceForm({
    kind: 'districts',
    id: item?.id ?? null,
    schemas: { create: districtBody, update: districtUpdateBody },
    fields: DISTRICT_FIELDS,
    draft: { code: item?.code ?? '', name: item?.name ?? '' },
    toBody: ({ code, name }) => ({ code: code.trim().toUpperCase(), name }),
    onSaved,
  });
  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <Field label={it.reference.code} error={form.errorOf('code')}>
        <input {...form.register('code')} />
      </Field>
      <Field label={it.reference.name} error={form.errorOf('name')}>
        <input {...form.register('name')} />
      </Field>
      <FormButtons pending={pending} formError={form.formError} onCancel={onCancel} />
    </form>
  );
}

export function DistrictsAdmin() {
  return (
    <ReferenceTable
      title={it.reference.districts}
      query={useDistricts()}
      nameOf={(d) => d.name}
      columns={[
        { head: it.reference.code, cell: (d) => d.code },
        { head: it.reference.name, cell: (d) => d.name },
      ]}
      Form={DistrictForm}
    />
  );
}
