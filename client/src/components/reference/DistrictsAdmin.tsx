import { districtBody, districtUpdateBody, type District } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { useDistricts } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { FormButtons } from './FormButtons.tsx';
import { ReferenceTable } from './ReferenceTable.tsx';
import { useReferenceSubmit, type ReferenceFormProps } from './useReferenceSubmit.ts';

/** The body fields this form shows an error beside. */
const DISTRICT_FIELDS = ['code', 'name'];

function DistrictForm({ item, onSaved, onCancel }: ReferenceFormProps<District>) {
  const [code, setCode] = useState(item?.code ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const form = useReferenceSubmit(
    'districts',
    item?.id ?? null,
    { create: districtBody, update: districtUpdateBody },
    DISTRICT_FIELDS,
    onSaved,
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ code: code.trim().toUpperCase(), name });
  };
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Field label={it.reference.code} error={form.errors.code}>
        <input value={code} onChange={(e) => setCode(e.target.value)} />
      </Field>
      <Field label={it.reference.name} error={form.errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <FormButtons pending={form.pending} formError={form.formError} onCancel={onCancel} />
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
        { header: it.reference.code, cell: (d) => d.code },
        { header: it.reference.name, cell: (d) => d.name },
      ]}
      Form={DistrictForm}
    />
  );
}
