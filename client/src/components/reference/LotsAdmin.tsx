import { formatNumberInput, lotBody, lotUpdateBody, SERVICE_KINDS, type Lot, type ServiceKind } from '@bds/shared';
import { nameOf, useCooperatives, useLots } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { flats } from '../../i18n/itFlats.ts';
import { Field } from '../Field.tsx';
import { formatDate, formatEuro } from '../format.ts';
import { ItalianNumberInput, numberOrRefusal } from '../ItalianNumberInput.tsx';
import { FormButtons } from '../FormButtons.tsx';
import { ReferenceTable } from './ReferenceTable.tsx';
import { useReferenceForm, type ReferenceFormProps } from './useReferenceForm.ts';

/** The body fields this form shows an error beside. */
const LOT_FIELDS = [
  'number',
  'tenderYear',
  'tenderStart',
  'tenderEnd',
  'title',
  'serviceKinds',
  'contractor',
  'executingCooperativeIds',
  'hourlyRate',
  'ceiling',
];

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((item) => item !== value);
}

function LotForm({ item, onSaved, onCancel }: ReferenceFormProps<Lot>) {
  const cooperatives = useCooperatives();
  const { form, submit, pending } = useReferenceForm({
    kind: 'lots',
    id: item?.id ?? null,
    schemas: { create: lotBody, update: lotUpdateBody },
    fields: LOT_FIELDS,
    draft: {
      number: String(item?.number ?? ''),
      title: item?.title ?? '',
      tenderYear: String(item?.tenderYear ?? new Date().getFullYear()),
      tenderStart: item?.tenderStart ?? '',
      tenderEnd: item?.tenderEnd ?? '',
      serviceKinds: item?.serviceKinds ?? ([] as ServiceKind[]),
      contractor: item?.contractor ?? '',
      cooperativeIds: item?.cooperativeIds ?? ([] as number[]),
      executingCooperativeIds: item?.executingCooperativeIds ?? ([] as number[]),
      hourlyRate: formatNumberInput(item?.hourlyRate, 'euro'),
      ceiling: formatNumberInput(item?.ceiling, 'euro'),
    },
    toBody: (draft) => ({
      ...draft,
      number: Number(draft.number),
      tenderYear: Number(draft.tenderYear),
      hourlyRate: numberOrRefusal(draft.hourlyRate).value,
      ceiling: numberOrRefusal(draft.ceiling).value,
    }),
    refusals: ({ hourlyRate, ceiling }) => {
      const [rate, cap] = [numberOrRefusal(hourlyRate), numberOrRefusal(ceiling)];
      return { ...(rate.refusal ? { hourlyRate: rate.refusal } : {}), ...(cap.refusal ? { ceiling: cap.refusal } : {}) };
    },
    onSaved,
  });
  const [serviceKinds, cooperativeIds, executingCooperativeIds, hourlyRate, ceiling] = form.watch([
    'serviceKinds',
    'cooperativeIds',
    'executingCooperativeIds',
    'hourlyRate',
    'ceiling',
  ]);
  const { change } = form;
  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <div className="grid">
        <Field label={it.reference.number} error={form.errorOf('number')}>
          <input inputMode="numeric" {...form.register('number')} />
        </Field>
        <Field label={it.reference.tenderYear} error={form.errorOf('tenderYear')}>
          <input inputMode="numeric" {...form.register('tenderYear')} />
        </Field>
        <Field label={it.reference.tenderStart} error={form.errorOf('tenderStart')}>
          <input type="date" {...form.register('tenderStart')} />
        </Field>
        <Field label={it.reference.tenderEnd} error={form.errorOf('tenderEnd')}>
          <input type="date" {...form.register('tenderEnd')} />
        </Field>
      </div>
      <Field label={it.reference.lotTitle} error={form.errorOf('title')}>
        <input {...form.register('title')} />
      </Field>
      <fieldset>
        <legend>{it.reference.serviceKinds}</legend>
        {SERVICE_KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={serviceKinds.includes(kind)}
              onChange={(e) => change('serviceKinds', toggle(serviceKinds, kind, e.target.checked))}
            />{' '}
            {it.serviceKinds[kind]}{' '}
          </label>
        ))}
        {form.errorOf('serviceKinds') && <small className="field-error">{form.errorOf('serviceKinds')}</small>}
      </fieldset>
      <Field label={it.reference.contractor} error={form.errorOf('contractor')}>
        <input {...form.register('contractor')} />
      </Field>
      <fieldset className="checklist">
        <legend>{it.reference.members}</legend>
        {(cooperatives.data ?? []).map((coop) => (
          <label key={coop.id} className="checkbox">
            <input
              type="checkbox"
              checked={cooperativeIds.includes(coop.id)}
              onChange={(e) => {
                change('cooperativeIds', toggle(cooperativeIds, coop.id, e.target.checked));
                // An executing member is always a member of the lot.
                if (!e.target.checked) change('executingCooperativeIds', toggle(executingCooperativeIds, coop.id, false));
              }}
            />{' '}
            {coop.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="checklist">
        <legend>{flats.admin.executing}</legend>
        <small className="hint">{flats.admin.executingHint}</small>
        {(cooperatives.data ?? [])
          .filter((coop) => cooperativeIds.includes(coop.id))
          .map((coop) => (
            <label key={coop.id} className="checkbox">
              <input
                type="checkbox"
                checked={executingCooperativeIds.includes(coop.id)}
                onChange={(e) => change('executingCooperativeIds', toggle(executingCooperativeIds, coop.id, e.target.checked))}
              />{' '}
              {coop.name}
            </label>
          ))}
        {form.errorOf('executingCooperativeIds') && <small className="field-error">{form.errorOf('executingCooperativeIds')}</small>}
      </fieldset>
      <div className="grid">
        <Field label={it.reference.hourlyRate} error={form.errorOf('hourlyRate')}>
          <ItalianNumberInput kind="euro" value={hourlyRate} onChange={(text) => change('hourlyRate', text)} />
        </Field>
        <Field label={it.reference.ceiling} error={form.errorOf('ceiling')}>
          <ItalianNumberInput kind="euro" value={ceiling} onChange={(text) => change('ceiling', text)} />
        </Field>
      </div>
      <FormButtons pending={pending} formError={form.formError} onCancel={onCancel} />
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
        { head: it.reference.number, cell: (l) => l.number, num: true },
        { head: it.reference.lotTitle, cell: (l) => l.title },
        { head: it.reference.tenderYear, cell: (l) => l.tenderYear },
        { head: it.reference.tenderPeriod, cell: (l) => `${formatDate(l.tenderStart)} – ${formatDate(l.tenderEnd)}` },
        { head: it.reference.serviceKinds, cell: (l) => l.serviceKinds.join(', ') },
        { head: it.reference.contractor, cell: (l) => l.contractor },
        { head: it.reference.members, cell: (l) => l.cooperativeIds.map((id) => nameOf(cooperatives.data, id)).join('; ') || '—' },
        {
          head: flats.admin.executing,
          cell: (l) => l.executingCooperativeIds.map((id) => nameOf(cooperatives.data, id)).join('; ') || '—',
        },
        { head: it.reference.hourlyRate, cell: (l) => formatEuro(l.hourlyRate), num: true },
        { head: it.reference.ceiling, cell: (l) => formatEuro(l.ceiling), num: true },
      ]}
      Form={LotForm}
    />
  );
}
