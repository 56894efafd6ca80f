// The district and axis choices: their options for any select, and the filters of the pages that
// show the territory (catalogues, reports, flats), where either may be left on "all".
import { AXES, type Axis } from '@bds/shared';
import { useDistricts } from '../api/reference.ts';
import { it } from '../i18n/it.ts';
import { Field } from './Field.tsx';

/** One option a district, the value its id. */
export function DistrictOptions() {
  const districts = useDistricts();
  return (districts.data ?? []).map((d) => (
    <option key={d.id} value={d.id}>
      {d.name}
    </option>
  ));
}

/** One option an axis, in the axes' order. */
export function AxisOptions() {
  return AXES.map((axis) => (
    <option key={axis} value={axis}>
      {it.axes[axis]}
    </option>
  ));
}

export function DistrictFilter({ value, onChange }: { value: number | undefined; onChange: (districtId: number | undefined) => void }) {
  return (
    <Field label={it.reports.district}>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">{it.reports.anyDistrict}</option>
        <DistrictOptions />
      </select>
    </Field>
  );
}

export function AxisFilter({ value, onChange }: { value: Axis | undefined; onChange: (axis: Axis | undefined) => void }) {
  return (
    <Field label={it.reports.axis}>
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as Axis | undefined)}>
        <option value="">{it.reports.anyAxis}</option>
        <AxisOptions />
      </select>
    </Field>
  );
}

interface DistrictAxisFiltersProps {
  districtId: number | undefined;
  axis: Axis | undefined;
  onDistrict: (districtId: number | undefined) => void;
  onAxis: (axis: Axis | undefined) => void;
}

export function DistrictAxisFilters({ districtId, axis, onDistrict, onAxis }: DistrictAxisFiltersProps) {
  return (
    <>
      <DistrictFilter value={districtId} onChange={onDistrict} />
      <AxisFilter value={axis} onChange={onAxis} />
    </>
  );
}
