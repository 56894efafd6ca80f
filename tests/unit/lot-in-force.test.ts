import { describe, expect, it } from 'vitest';
import { lotInForce } from '@bds/server/reference/lot-in-force.ts';

// Tender years no longer decide: the 2024 tender here was awarded late in 2023 and began in October.
const lots = [
  { id: 1, number: 1, tenderYear: 2020, tenderStart: '2020-01-01', tenderEnd: '2023-09-30' },
  { id: 2, number: 1, tenderYear: 2024, tenderStart: '2023-10-01', tenderEnd: '2027-12-31' },
  { id: 3, number: 2, tenderYear: 2024, tenderStart: '2024-01-01', tenderEnd: '2027-12-31' },
  { id: 4, number: 3, tenderYear: 2014, tenderStart: '2014-01-01', tenderEnd: '2017-12-31' },
  { id: 5, number: 3, tenderYear: 2020, tenderStart: '2020-06-01', tenderEnd: '2023-12-31' },
];

describe('the lot in force on a date', () => {
  it.each([
    ['2022-05-10', 1, 1],
    ['2023-09-30', 1, 1],
    ['2023-10-01', 1, 2],
    ['2023-11-15', 1, 2],
    ['2027-12-31', 1, 2],
  ])('on %s lot %i is the lot of the tender whose period holds the date (id %i)', (date, number, id) => {
    expect(lotInForce(lots, number, date)?.id).toBe(id);
  });

  it('between two tenders takes the one begun before the date, as extended until the next', () => {
    expect(lotInForce(lots, 3, '2019-03-01')?.id).toBe(4);
    expect(lotInForce(lots, 3, '2020-05-31')?.id).toBe(4);
    expect(lotInForce(lots, 3, '2020-06-01')?.id).toBe(5);
  });

  it('after the last tender ends keeps the last one', () => {
    expect(lotInForce(lots, 1, '2029-01-01')?.id).toBe(2);
  });

  it('before every tender on record takes the earliest', () => {
    expect(lotInForce(lots, 1, '2015-01-01')?.id).toBe(1);
    expect(lotInForce(lots, 2, '2023-06-01')?.id).toBe(3);
  });

  it('a number no tender has is no lot', () => {
    expect(lotInForce(lots, 4, '2025-01-01')).toBeUndefined();
  });
});
