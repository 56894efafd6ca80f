// The district and axis choices of the pages that show the territory (catalogues, reports): either
// may be left on "all".
import { AXES, type Axis } from '@bds/shared';
import { useDistricts } from '../api/reference.ts';
import { it } from '../i18n/it.ts';
import { community as t } from '../i18n/itCommunity.ts';
import { Field } from './Field.tsx';

interface DistrictAxisFiltersProps {
  districtId: number | undefined;
  axis: Axis | undefined;
  onDistrict: (districtId: number | undefined) => void;
  onAxis: (axis: Axis | undefined) => void;
}

export function DistrictFilter({ value, onChange }: { value: number | undefined; onChange: (districtId: number | undefined) => void }) {
  const districts = useDistricts();
  return (
    <Field label={t.district}>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">{t.anyDistrict}</option>
        {(districts.data ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function DistrictAxisFilters({ districtId, axis, onDistrict, onAxis }: DistrictAxisFiltersProps) {
  return (
    <>
      <DistrictFilter value={districtId} onChange={onDistrict} />
      <Field label={t.axis}>
        <select value={axis ?? ''} onChange={(e) => onAxis((e.target.value || undefined) as Axis | undefined)}>
          <option value="">{t.anyAxis}</option>
          {AXES.map((a) => (
            <option key={a} value={a}>
              {it.axes[a]}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
