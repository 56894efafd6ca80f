// A span of days as ranges of a calendar summary's buckets: whole years, whole months and the
// days at either end, so any span reads at most five key ranges of rows per service.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { schema } from '@bds/db';

type CalendarUnit = (typeof schema.calendarUnits.$inferSelect)['unit'];

/** Bucket labels of one unit from `low` to `high`; each bound inclusive or not. */
export interface BucketRange {
  unit: CalendarUnit;
  low: { label: string; inclusive: boolean } | null;
  high: { label: string; inclusive: boolean } | null;
}

const yearOf = (day: string) => day.slice(0, 4);
const monthOf = (day: string) => day.slice(0, 7);
// Labels below and above every label of a month or a year ('YYYY-MM-00' < 'YYYY-MM-01', 'YYYY-99' > 'YYYY-12').
const before = (label: string) => `${label}-00`;
const after = (label: string) => `${label}-99`;
const incl = (label: string) => ({ label, inclusive: true });
const excl = (label: string) => ({ label, inclusive: false });

/** The buckets covering the days from `first` to `last` ('YYYY-MM-DD', inclusive; undefined = unbounded). */
export function bucketRanges(first?: string, last?: string): BucketRange[] {
  if (first !== undefined && last !== undefined) {
    if (first > last) return [];
    if (monthOf(first) === monthOf(last)) return [{ unit: 'day', low: incl(first), high: incl(last) }];
    if (yearOf(first) === yearOf(last)) {
      return [
        { unit: 'day', low: incl(first), high: incl(after(monthOf(first))) },
        { unit: 'month', low: excl(monthOf(first)), high: excl(monthOf(last)) },
        { unit: 'day', low: incl(before(monthOf(last))), high: incl(last) },
      ];
    }
  }
  const ranges: BucketRange[] = [];
  if (first !== undefined) {
    ranges.push({ unit: 'day', low: incl(first), high: incl(after(monthOf(first))) });
    ranges.push({ unit: 'month', low: excl(monthOf(first)), high: incl(after(yearOf(first))) });
  }
  ranges.push({
    unit: 'year',
    low: first === undefined ? null : excl(yearOf(first)),
    high: last === undefined ? null : excl(yearOf(last)),
  });
  if (last !== undefined) {
    ranges.push({ unit: 'month', low: incl(before(yearOf(last))), high: excl(monthOf(last)) });
    ranges.push({ unit: 'day', low: incl(before(monthOf(last))), high: incl(last) });
  }
  return ranges;
}

type Summary = { unit: SQLiteColumn; bucket: SQLiteColumn };

/** Condition on a calendar summary's rows: those whose buckets make up the days from `first` to `last`. */
export function bucketsWithin(summary: Summary, first?: string, last?: string): SQL {
  return conditionOf(summary, bucketRanges(first, last), (label) => label);
}

/**
 * The same condition for a prepared statement: each label a placeholder (`name` and its position),
 * so the text depends only on `shape`, the form of the span (how many ranges, of which units, with
 * which bounds), and the labels of a given span are bound from `params`.
 */
export function bucketsWithinPrepared(name: string, first?: string, last?: string) {
  const ranges = bucketRanges(first, last);
  const labels = ranges.flatMap((r) => [r.low, r.high]).filter((b) => b !== null);
  const params = Object.fromEntries(labels.map((b, i) => [`${name}${i}`, b.label]));
  const bound = (b: BucketRange['low']) => (b ? (b.inclusive ? 'i' : 'x') : '-');
  return {
    shape: ranges.map((r) => `${r.unit}${bound(r.low)}${bound(r.high)}`).join(',') || 'none',
    params,
    condition: (summary: Summary) => conditionOf(summary, ranges, (_, i) => sql.placeholder(`${name}${i}`)),
  };
}

function conditionOf(summary: Summary, ranges: BucketRange[], label: (label: string, i: number) => unknown): SQL {
  let n = 0;
  const conditions = ranges.map(({ unit, low, high }) => {
    const from = low ? sql` AND ${summary.bucket} ${sql.raw(low.inclusive ? '>=' : '>')} ${label(low.label, n++)}` : sql``;
    const to = high ? sql` AND ${summary.bucket} ${sql.raw(high.inclusive ? '<=' : '<')} ${label(high.label, n++)}` : sql``;
    return sql`(${summary.unit} = ${unit}${from}${to})`;
  });
  return conditions.length === 0 ? sql`0` : sql`(${sql.join(conditions, sql` OR `)})`;
}
