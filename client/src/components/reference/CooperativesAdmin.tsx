import { cooperativeBody, cooperativeUpdateBody, type Cooperative } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { useCooperatives } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { FormButtons } from './FormButtons.tsx';
import { ReferenceTable } from './ReferenceTable.tsx';
import { useReferenceSubmit, type ReferenceFormProps } from './useReferenceSubmit.ts';

/** The body fields this form shows an error beside. */
const COOPERATIVE_FIELDS = ['name', 'vatNumber'];

function CooperativeForm({ item, onSaved, onCancel }: ReferenceFormProps<Cooperative>) {
  const [name, setName] = useState(item?.name ?? '');
  const [vatNumber, setVatNumber] = useState(item?.vatNumber ?? '');
  const [active, setActive] = useState(item?.active ?? true);
  const form = useReferenceSubmit(
    'cooperatives',
    item?.id ?? null,
    { create: cooperativeBody, update: cooperativeUpdateBody },
    COOPERATIVE_FIELDS,
    onSaved,
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ name, vatNumber: vatNumber.trim() || null, active });
  };
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Field label={it.reference.name} error={form.errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={it.reference.vatNumber} error={form.errors.vatNumber}>
        <input value={vatNumber} inputMode="numeric" onChange={(e) => setVatNumber(e.target.value)} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {it.reference.active}
      </label>
      <FormButtons pending={form.pending} formError={form.formError} onCancel={onCancel} />
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
        { header: it.reference.name, cell: (c) => c.name },
        { header: it.reference.vatNumber, cell: (c) => c.vatNumber ?? '—' },
        { header: it.reference.active, cell: (c) => (c.active ? it.common.yes : it.common.no) },
      ]}
      Form={CooperativeForm}
    />
  );
}
