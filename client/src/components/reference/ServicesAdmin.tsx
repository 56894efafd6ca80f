import { SERVICE_KINDS, serviceBody, serviceUpdateBody, type Service, type ServiceKind } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { nameOf, useDistricts, useServices } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { FormButtons } from './FormButtons.tsx';
import { ReferenceTable } from './ReferenceTable.tsx';
import { useReferenceSubmit, type ReferenceFormProps } from './useReferenceSubmit.ts';

/** The body fields this form shows an error beside. */
const SERVICE_FIELDS = ['code', 'kind', 'name', 'districtId', 'aliases'];

function ServiceForm({ item, onSaved, onCancel }: ReferenceFormProps<Service>) {
  const districts = useDistricts();
  const [code, setCode] = useState(item?.code ?? '');
  const [kind, setKind] = useState<ServiceKind>(item?.kind ?? 'CSM');
  const [name, setName] = useState(item?.name ?? '');
  const [districtId, setDistrictId] = useState(String(item?.districtId ?? ''));
  const [aliases, setAliases] = useState((item?.aliases ?? []).join('\n'));
  const [active, setActive] = useState(item?.active ?? true);
  const form = useReferenceSubmit(
    'services',
    item?.id ?? null,
    { create: serviceBody, update: serviceUpdateBody },
    SERVICE_FIELDS,
    onSaved,
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const aliasList = aliases
      .split('\n')
      .map((alias) => alias.trim())
      .filter(Boolean);
    void form.submit({ code: code.trim().toUpperCase(), kind, name, districtId: Number(districtId), aliases: aliasList, active });
  };
  const aliasError = Object.entries(form.errors).find(([path]) => path.startsWith('aliases'))?.[1];
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Field label={it.reference.code} error={form.errors.code}>
        <input value={code} onChange={(e) => setCode(e.target.value)} />
      </Field>
      <Field label={it.reference.kind} error={form.errors.kind}>
        <select value={kind} onChange={(e) => setKind(e.target.value as ServiceKind)}>
          {SERVICE_KINDS.map((value) => (
            <option key={value} value={value}>
              {it.serviceKinds[value]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={it.reference.name} error={form.errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={it.reference.district} error={form.errors.districtId}>
        <select value={districtId} onChange={(e) => setDistrictId(e.target.value)}>
          <option value="">—</option>
          {(districts.data ?? []).map((district) => (
            <option key={district.id} value={district.id}>
              {district.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={it.reference.aliases} hint={it.reference.aliasesHint} error={aliasError}>
        <textarea value={aliases} rows={3} onChange={(e) => setAliases(e.target.value)} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {it.reference.active}
      </label>
      <FormButtons pending={form.pending} formError={form.formError} onCancel={onCancel} />
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
        { header: it.reference.code, cell: (s) => s.code },
        { header: it.reference.kind, cell: (s) => s.kind },
        { header: it.reference.name, cell: (s) => s.name },
        { header: it.reference.district, cell: (s) => nameOf(districts.data, s.districtId) },
        { header: it.reference.aliases, cell: (s) => s.aliases.join('; ') || '—' },
        { header: it.reference.active, cell: (s) => (s.active ? it.common.yes : it.common.no) },
      ]}
      Form={ServiceForm}
    />
  );
}
