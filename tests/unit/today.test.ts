// "Today" is the department's date in Bologna, not the host's: CI and many servers run on UTC.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { departmentDateAt, today } from '@bds/shared';

afterEach(() => {
  vi.useRealTimers();
});

describe('today', () => {
  it.each([
    ['2026-12-01T23:30:00Z', '2026-12-02'], // 00:30 in Bologna (CET, UTC+1)
    ['2026-12-01T22:59:59Z', '2026-12-01'],
    ['2026-06-30T22:30:00Z', '2026-07-01'], // 00:30 in Bologna (CEST, UTC+2)
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('at %s is %s', (instant, date) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(instant));
    expect(today()).toBe(date);
  });
});

describe('departmentDateAt', () => {
  const plain = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });
  it('gives the time-zone formatter’s date at every minute around midnights and clock changes', () => {
    // 2026's changes of Bologna's clock (29 March, 25 October) and two ordinary midnights.
    const days = ['2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25', '2026-12-31', '2027-06-15'];
    for (const day of days) {
      const from = new Date(`${day}T19:00:00Z`).getTime();
      for (let t = from; t < from + 8 * 3_600_000; t += 17_000) {
        expect(departmentDateAt(new Date(t))).toBe(plain.format(new Date(t)));
      }
    }
  });

  it('gives the right date when instants come out of order', () => {
    const instants = ['2026-12-01T23:30:00Z', '2026-12-01T22:59:59Z', '2026-12-01T23:30:10Z', '2026-06-30T21:59:59Z'];
    for (const instant of instants) expect(departmentDateAt(new Date(instant))).toBe(plain.format(new Date(instant)));
  });
});
