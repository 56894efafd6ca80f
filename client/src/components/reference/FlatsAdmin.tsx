// The administrator's Lot 3 flats: open one (district, address, places, lot and its executing
// cooperative), change it, close it on a day (none of its stays may run past it).
import { flatBody, flatUpdateBody, type Flat } from '@bds/shared';
import { useFlats } from '../../api/flats.ts';
import { nameOf, useCooperatives, useDistricts, useLots } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { flats as t } from '../../i18n/itFlats.ts';
import { Field } from '../Field.tsx';
import { formatDate } from '../format.ts';
import { FormButtons } from '../FormButtons.tsx';
import { ReferenceTable } from './ReferenceTable.tsx';
import { useReferenceForm, type ReferenceFormProps } from './useReferenceForm.ts';
import { DistrictOptions } from '../DistrictAxisFilters.tsx';

/** The body fields this form shows an error beside. */
const FLAT_FIELDS = ['name', 'districtId', 'address', 'places', 'lotId', 'cooperativeId', 'openedOn', 'closedOn'];

function FlatForm({ item, onSaved, onCancel }: ReferenceFormProps<Flat>) {
  const cooperatives = useCooperatives();
  const lots = (useLots().data ?? []).filter((lot) => lot.number === 3);
  const { form, submit, pending } = useReferenceForm({
    kind: 'flats',
    id: item?.id ?? null,
    schemas: { create: flatBody, update: flatUpdateBody },
    fields: FLAT_FIELDS,
    draft: {
      name: item?.name ?? '',
      districtId: String(item?.districtId ?? ''),
      address: item?.address ?? '',
      places: String(item?.places ?? ''),
      lotId: String(item?.lotId ?? ''),
      cooperativeId: String(item?.cooperativeId ?? ''),
      openedOn: item?.openedOn ?? '',
      closedOn: item?.closedOn ?? '',
    },
    toBody: (draft) => ({
      ...draft,
      districtId: Number(draft.districtId),
      places: Number(draft.places),
      lotId: Number(draft.lotId),
      cooperativeId: Number(draft.cooperativeId),
      closedOn: draft.closedOn || null,
    }),
    onSaved,
  });
  const lot = lots.find((candidate) => String(candidate.id) === form.watch('lotId'));
  // Where the lot marks executing members only they run its flats (the server says so too).
  const runners = lot ? (lot.executingCooperativeIds.length > 0 ? lot.executingCooperativeIds : lot.cooperativeIds) : [];
  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <Field label={t.name} error={form.errorOf('name')}>
        <input {...form.register('name')} />
      </Field>
      <div className="grid">
        <Field label={t.district} error={form.errorOf('districtId')}>
          <select {...form.register('districtId')}>
            <option value="">—</option>
            <DistrictOptions />
          </select>
        </Field>
        <Field label={t.places} error={form.errorOf('places')}>
          <input inputMode="numeric" {...form.register('places')} />
        </Field>
      </div>
      <Field label={t.address} error={form.errorOf('address')}>
        <input {...form.register('address')} />
      </Field>
      <div className="grid">
        <Field label={t.admin.lot} error={form.errorOf('lotId')}>
          <select {...form.register('lotId', { onChange: () => form.setValue('cooperativeId', '') })}>
            <option value="">—</option>
            {lots.map((l) => (
              <option key={l.id} value={l.id}>
                {it.ptri.lotNumber(l.number)} ({l.tenderYear})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.admin.cooperative} error={form.errorOf('cooperativeId')}>
          <select {...form.register('cooperativeId')}>
            <option value="">—</option>
            {runners.map((id) => (
              <option key={id} value={id}>
                {nameOf(cooperatives.data, id)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid">
        <Field label={t.admin.openedOn} error={form.errorOf('openedOn')}>
          <input type="date" {...form.register('openedOn')} />
        </Field>
        <Field label={t.admin.closedOn} hint={t.admin.closedOnHint} error={form.errorOf('closedOn')}>
          <input type="date" {...form.register('closedOn')} />
        </Field>
      </div>
      <FormButtons pending={pending} formError={form.formError} onCancel={onCancel} />
    </form>
  );
}

export function FlatsAdmin() {
  const districts = useDistricts();
  const cooperatives = useCooperatives();
  return (
    <ReferenceTable
      title={t.admin.title}
      query={useFlats(undefined)}
      nameOf={(f) => f.name}
      columns={[
        { head: t.name, cell: (f) => f.name },
        { head: t.district, cell: (f) => nameOf(districts.data, f.districtId) },
        { head: t.address, cell: (f) => f.address },
        { head: t.places, cell: (f) => f.places, num: true },
        { head: t.admin.cooperative, cell: (f) => nameOf(cooperatives.data, f.cooperativeId) },
        { head: t.admin.openedOn, cell: (f) => formatDate(f.openedOn) },
        { head: t.admin.closedOn, cell: (f) => formatDate(f.closedOn) },
      ]}
      Form={FlatForm}
    />
  );
}
