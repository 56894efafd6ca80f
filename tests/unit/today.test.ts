// "Today" is the department's date in Bologna, not the host's: CI and many servers run on UTC.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { today } from '@bds/shared';

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
