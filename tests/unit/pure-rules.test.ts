// The pure rules that the month reports and the calendar summaries stand on.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { partEditable, type MonthStatus } from '@bds/shared';
import { monthStatusOf, suspensionsFrom } from '@bds/server/interventions/rules.ts';
import { bucketRanges, type BucketRange } from '@bds/server/reports/calendar-spans.ts';

describe('partEditable', () => {
  it('lets every part change while the month is open or not yet started', () => {
    for (const part of [undefined, 'open', 'submitted', 'validated', 'returned'] as const) {
      expect(partEditable(undefined, part)).toBe(true);
      expect(partEditable('open', part)).toBe(true);
    }
  });

  it('freezes every part of a submitted or validated month', () => {
    for (const month of ['submitted', 'validated'] as const) {
      for (const part of [undefined, 'open', 'submitted', 'validated', 'returned'] as const) expect(partEditable(month, part)).toBe(false);
    }
  });

  it('reopens only the returned parts, and those never submitted, of a returned month', () => {
    expect(partEditable('returned', 'returned')).toBe(true);
    expect(partEditable('returned', undefined)).toBe(true);
    expect(partEditable('returned', 'open')).toBe(true);
    expect(partEditable('returned', 'submitted')).toBe(false);
    expect(partEditable('returned', 'validated')).toBe(false);
  });
});

describe('monthStatusOf', () => {
  it('is open before any part exists', () => expect(monthStatusOf([])).toBe('open'));
  it('is returned as soon as one part is', () => expect(monthStatusOf(['validated', 'returned', 'submitted'])).toBe('returned'));
  it('is validated only when every part is', () => {
    expect(monthStatusOf(['validated', 'validated'])).toBe('validated');
    expect(monthStatusOf(['validated', 'submitted'])).toBe('submitted');
  });
  it('is submitted while parts wait for review', () => expect(monthStatusOf(['submitted'] as MonthStatus[])).toBe('submitted'));
});

describe('suspensionsFrom', () => {
  it('turns suspend and resume moves into half-open intervals, the last one open while suspended', () => {
    const moves = [
      { fromStatus: 'submitted', toStatus: 'active', effectiveDate: '2025-01-10' },
      { fromStatus: 'active', toStatus: 'suspended', effectiveDate: '2025-03-01' },
      { fromStatus: 'suspended', toStatus: 'active', effectiveDate: '2025-04-15' },
      { fromStatus: 'active', toStatus: 'suspended', effectiveDate: '2025-06-01' },
    ] as const;
    expect(suspensionsFrom([...moves])).toEqual([
      { from: '2025-03-01', to: '2025-04-15' },
      { from: '2025-06-01', to: null },
    ]);
  });

  it('ends a suspension by closure as well as by resumption', () => {
    expect(
      suspensionsFrom([
        { fromStatus: 'active', toStatus: 'suspended', effectiveDate: '2025-02-01' },
        { fromStatus: 'suspended', toStatus: 'closed', effectiveDate: '2025-02-20' },
      ]),
    ).toEqual([{ from: '2025-02-01', to: '2025-02-20' }]);
  });

  it('finds none in a project never suspended', () => {
    expect(suspensionsFrom([{ fromStatus: 'submitted', toStatus: 'active', effectiveDate: '2025-01-10' }])).toEqual([]);
  });
});

describe('bucketRanges', () => {
  const labelOf = (unit: BucketRange['unit'], day: string) =>
    unit === 'year' ? day.slice(0, 4) : unit === 'month' ? day.slice(0, 7) : day;
  const inRange = (range: BucketRange, label: string) =>
    (!range.low || (range.low.inclusive ? label >= range.low.label : label > range.low.label)) &&
    (!range.high || (range.high.inclusive ? label <= range.high.label : label < range.high.label));
  /** How many of the ranges count a day: a summary keeps each change under its year, month and day. */
  const timesCounted = (ranges: BucketRange[], day: string) => ranges.filter((range) => inRange(range, labelOf(range.unit, day))).length;

  const day = fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('counts every day of a span exactly once and no day outside it', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, probe) => {
        const [first, last] = a <= b ? [a, b] : [b, a];
        const inside = first <= probe && probe <= last;
        expect(timesCounted(bucketRanges(first, last), probe)).toBe(inside ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts open-ended spans the same way', () => {
    fc.assert(
      fc.property(day, day, (bound, probe) => {
        expect(timesCounted(bucketRanges(bound, undefined), probe)).toBe(probe >= bound ? 1 : 0);
        expect(timesCounted(bucketRanges(undefined, bound), probe)).toBe(probe <= bound ? 1 : 0);
        expect(timesCounted(bucketRanges(), probe)).toBe(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('is empty for a span that ends before it starts', () => expect(bucketRanges('2025-03-02', '2025-03-01')).toEqual([]));
});
