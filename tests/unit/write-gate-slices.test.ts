// A bulk write's loop gives the event loop back after a slice: a number of items, or a time
// budget when its items turn out slow (server/src/write-gate.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_MS, sliceOf } from '@bds/server/write-gate.ts';

let now = 0;
afterEach(() => vi.restoreAllMocks());

function withClock() {
  now = 1_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
}

describe('the slices of a bulk write', () => {
  it('end every `size` items while the items are quick', () => {
    withClock();
    const slice = sliceOf(3);
    const ends = Array.from({ length: 7 }, () => slice());
    expect(ends).toEqual([false, false, true, false, false, true, false]);
  });

  it(`end once ${SLICE_MS} ms of work have passed, whatever the count`, () => {
    withClock();
    const slice = sliceOf(50);
    expect(slice()).toBe(false);
    now += SLICE_MS - 1;
    expect(slice()).toBe(false);
    now += 1;
    expect(slice()).toBe(true);
    // The next slice counts its time from its own first item, not from the turn it waited for.
    now += 500;
    expect(slice()).toBe(false);
    now += SLICE_MS - 1;
    expect(slice()).toBe(false);
  });

  it('end on time alone when the count is unbounded', () => {
    withClock();
    const slice = sliceOf(Infinity);
    const ends: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      ends.push(slice());
      now += SLICE_MS / 4;
    }
    expect(ends).toEqual([false, false, false, false, true, false, false, false, false, true]);
  });
});
