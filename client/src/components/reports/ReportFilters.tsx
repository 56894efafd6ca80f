// The filters of a report page, one per field of the report's shared query schema, in its order:
// a filter the API gains shows on the page without a second list to keep in step.
import { AXES } from '@bds/shared';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { useLots } from '../../api/reference.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { formatMonth, today } from '../format.ts';
import { AxisFilter, DistrictFilter } from '../DistrictAxisFilters.tsx';
import { ServiceFilter } from './ServiceFilter.tsx';

const toNumber = (text: string) => (text ? Number(text) : undefined);

/** Reports count from the first year of the tender's data. */
export const FIRST_YEAR = 2022;
/** Query fields that shape the reply, not what it counts. */
const NOT_FILTERS = new Set(['format', 'limit', 'cursor']);

export interface QuerySchema {
  shape: Record<string, z.ZodType>;
}

type Value = string | number | undefined;
type Values = Record<string, Value>;

interface FilterProps {
  value: Value;
  /** The filter may be left empty: the report then counts every value. */
  optional: boolean;
  filters: Values;
  onChange: (value: Value) => void;
}

/**
 * The years the reports count, newest first; with `allLabel` the choice of every year (undefined),
 * with `recent` only this year and the ones just before it, that many in all.
 */
export function YearSelect({
  value,
  onChange,
  allLabel,
  recent,
}: {
  value: number | undefined;
  onChange: (year: number | undefined) => void;
  allLabel?: string;
  recent?: number;
}) {
  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: recent ?? thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  return (
    <Field label={it.reports.year}>
      <select value={value ?? ''} onChange={(e) => onChange(toNumber(e.target.value))}>
        {allLabel && <option value="">{allLabel}</option>}
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </Field>
  );
}

function YearFilter({ value, onChange }: FilterProps) {
  return <YearSelect value={typeof value === 'number' ? value : undefined} onChange={onChange} />;
}

function MonthFilter({ value, filters, onChange }: FilterProps) {
  const year = filters.year ?? today().slice(0, 4);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return (
    <Field label={it.reports.month}>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{it.reports.wholeYear}</option>
        {months.map((m) => (
          <option key={m} value={m}>
            {formatMonth(m)}
          </option>
        ))}
      </select>
    </Field>
  );
}

function ServiceField({ value, onChange }: FilterProps) {
  return <ServiceFilter value={typeof value === 'number' ? value : undefined} onChange={onChange} />;
}

function DistrictField({ value, onChange }: FilterProps) {
  return <DistrictFilter value={typeof value === 'number' ? value : undefined} onChange={onChange} />;
}

function AxisField({ value, onChange }: FilterProps) {
  return <AxisFilter value={AXES.find((axis) => axis === value)} onChange={onChange} />;
}

function LotFilter({ value, optional, onChange }: FilterProps) {
  const lots = useLots();
  // The reports group lots by number, across tenders: one choice per number.
  const numbers = [...new Set((lots.data ?? [{ number: 1 }]).map((l) => l.number))].sort((a, b) => a - b);
  return (
    <Field label={it.reports.lot}>
      <select value={value ?? ''} onChange={(e) => onChange(toNumber(e.target.value))}>
        {optional && <option value="">{it.reports.anyLot}</option>}
        {numbers.map((n) => (
          <option key={n} value={n}>
            {it.ptri.lotNumber(n)}
          </option>
        ))}
      </select>
    </Field>
  );
}

function DateFilter({ value, onChange }: FilterProps) {
  return (
    <Field label={it.reports.date}>
      <input type="date" value={value ?? ''} max={today()} onChange={(e) => e.target.value && onChange(e.target.value)} />
    </Field>
  );
}

const FILTERS: Record<string, (props: FilterProps) => ReactNode> = {
  year: YearFilter,
  month: MonthFilter,
  serviceId: ServiceField,
  districtId: DistrictField,
  axis: AxisField,
  lot: LotFilter,
  date: DateFilter,
};

/** A field the schema lets go unset (no default): the filter offers "all". */
function isOptional(field: z.ZodType): boolean {
  const parsed = field.safeParse(undefined);
  return parsed.success && parsed.data === undefined;
}

export function ReportFilters<Filters extends object>({
  schema,
  value,
  onChange,
  fixed = [],
}: {
  schema: QuerySchema;
  value: Filters;
  onChange: (next: Filters) => void;
  /** Fields the page sets itself (the overdue page's `within`): sent, never offered. */
  fixed?: readonly string[];
}) {
  const values = value as Values;
  const names = Object.keys(schema.shape).filter((name) => !NOT_FILTERS.has(name) && !fixed.includes(name));
  const change = (name: string, next: Value) => {
    const changed: Values = { ...values, [name]: next };
    // The API refuses a month outside the chosen year: a new year starts from the whole year.
    if (name === 'year' && typeof changed.month === 'string' && !changed.month.startsWith(String(next))) changed.month = undefined;
    onChange(changed as Filters);
  };
  return (
    <div className="card row">
      {names.map((name) => {
        const Filter = FILTERS[name];
        const field = schema.shape[name];
        if (!Filter || !field) return null;
        return (
          <Filter key={name} value={values[name]} optional={isOptional(field)} filters={values} onChange={(next) => change(name, next)} />
        );
      })}
    </div>
  );
}
