import { formatNumberInput, lotBody, lotUpdateBody, SERVICE_KINDS, type Lot, type ServiceKind } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { nameOf, useCooperatives, useLots } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { formatDate, formatEuro } from '../format.ts';
import { ItalianNumberInput, numberOrRefusal } from '../ItalianNumberInput.tsx';
import { FormButtons } from './FormButtons.tsx';
import { ReferenceTable } from './ReferenceTable.tsx';
import { useReferenceSubmit, type ReferenceFormProps } from './useReferenceSubmit.ts';

/** The body fields this form shows an error beside. */
const LOT_FIELDS = ['number', 'tenderYear', 'tenderStart', 'tenderEnd', 'title', 'serviceKinds', 'contractor', 'hourlyRate', 'ceiling'];

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((item) => item !== value);
}

function LotForm({ item, onSaved, onCancel }: ReferenceFormProps<Lot>) {
  const cooperatives = useCooperatives();
  const [number, setNumber] = useState(String(item?.number ?? ''));
  const [title, setTitle] = useState(item?.title ?? '');
  const [tenderYear, setTenderYear] = useState(String(item?.tenderYear ?? new Date().getFullYear()));
  const [tenderStart, setTenderStart] = useState(item?.tenderStart ?? '');
  const [tenderEnd, setTenderEnd] = useState(item?.tenderEnd ?? '');
  const [serviceKinds, setServiceKinds] = useState<ServiceKind[]>(item?.serviceKinds ?? []);
  const [contractor, setContractor] = useState(item?.contractor ?? '');
  const [cooperativeIds, setCooperativeIds] = useState<number[]>(item?.cooperativeIds ?? []);
  const [hourlyRate, setHourlyRate] = useState(formatNumberInput(item?.hourlyRate, 'euro'));
  const [ceiling, setCeiling] = useState(formatNumberInput(item?.ceiling, 'euro'));
  const form = useReferenceSubmit('lots', item?.id ?? null, { create: lotBody, update: lotUpdateBody }, LOT_FIELDS, onSaved);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const rate = numberOrRefusal(hourlyRate);
    const cap = numberOrRefusal(ceiling);
    const refusals = { ...(rate.refusal ? { hourlyRate: rate.refusal } : {}), ...(cap.refusal ? { ceiling: cap.refusal } : {}) };
    void form.submit(
      {
        number: Number(number),
        title,
        tenderYear: Number(tenderYear),
        tenderStart,
        tenderEnd,
        serviceKinds,
        contractor,
        cooperativeIds,
        hourlyRate: rate.value,
        ceiling: cap.value,
      },
      refusals,
    );
  };
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <div className="grid">
        <Field label={it.reference.number} error={form.errors.number}>
          <input inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} />
        </Field>
        <Field label={it.reference.tenderYear} error={form.errors.tenderYear}>
          <input inputMode="numeric" value={tenderYear} onChange={(e) => setTenderYear(e.target.value)} />
        </Field>
        <Field label={it.reference.tenderStart} error={form.errors.tenderStart}>
          <input type="date" value={tenderStart} onChange={(e) => setTenderStart(e.target.value)} />
        </Field>
        <Field label={it.reference.tenderEnd} error={form.errors.tenderEnd}>
          <input type="date" value={tenderEnd} onChange={(e) => setTenderEnd(e.target.value)} />
        </Field>
      </div>
      <Field label={it.reference.lotTitle} error={form.errors.title}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <fieldset>
        <legend>{it.reference.serviceKinds}</legend>
        {SERVICE_KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={serviceKinds.includes(kind)}
              onChange={(e) => setServiceKinds(toggle(serviceKinds, kind, e.target.checked))}
            />{' '}
            {it.serviceKinds[kind]}{' '}
          </label>
        ))}
        {form.errors.serviceKinds && <small className="field-error">{form.errors.serviceKinds}</small>}
      </fieldset>
      <Field label={it.reference.contractor} error={form.errors.contractor}>
        <input value={contractor} onChange={(e) => setContractor(e.target.value)} />
      </Field>
      <fieldset className="checklist">
        <legend>{it.reference.members}</legend>
        {(cooperatives.data ?? []).map((coop) => (
          <label key={coop.id} className="checkbox">
            <input
              type="checkbox"
              checked={cooperativeIds.includes(coop.id)}
              onChange={(e) => setCooperativeIds(toggle(cooperativeIds, coop.id, e.target.checked))}
            />{' '}
            {coop.name}
          </label>
        ))}
      </fieldset>
      <div className="grid">
        <Field label={it.reference.hourlyRate} error={form.errors.hourlyRate}>
          <ItalianNumberInput kind="euro" value={hourlyRate} onChange={setHourlyRate} />
        </Field>
        <Field label={it.reference.ceiling} error={form.errors.ceiling}>
          <ItalianNumberInput kind="euro" value={ceiling} onChange={setCeiling} />
        </Field>
      </div>
      <FormButtons pending={form.pending} formError={form.formError} onCancel={onCancel} />
    </form>
  );
}

export function LotsAdmin() {
  const cooperatives = useCooperatives();
  return (
    <ReferenceTable
      title={it.reference.lots}
      query={useLots()}
      nameOf={(l) => it.ptri.lotNumber(l.number)}
      columns={[
        { header: it.reference.number, cell: (l) => l.number, numeric: true },
        { header: it.reference.lotTitle, cell: (l) => l.title },
        { header: it.reference.tenderYear, cell: (l) => l.tenderYear },
        { header: it.reference.tenderPeriod, cell: (l) => `${formatDate(l.tenderStart)} – ${formatDate(l.tenderEnd)}` },
        { header: it.reference.serviceKinds, cell: (l) => l.serviceKinds.join(', ') },
        { header: it.reference.contractor, cell: (l) => l.contractor },
        { header: it.reference.members, cell: (l) => l.cooperativeIds.map((id) => nameOf(cooperatives.data, id)).join('; ') || '—' },
        { header: it.reference.hourlyRate, cell: (l) => formatEuro(l.hourlyRate), numeric: true },
        { header: it.reference.ceiling, cell: (l) => formatEuro(l.ceiling), numeric: true },
      ]}
      Form={LotForm}
    />
  );
}
