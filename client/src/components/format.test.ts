import { parseItalianNumber } from '@bds/shared';
import { describe, expect, it } from 'vitest';
import { formatEuro, formatHours, formatMonth, formatNumber } from './format.ts';

describe('Italian formatting', () => {
  it('writes a calendar month by its name, and leaves anything else as it is', () => {
    expect(formatMonth('2026-11')).toBe('novembre 2026');
    expect(formatMonth('2025-01')).toBe('gennaio 2025');
    expect(formatMonth('2026-11-05')).toBe('2026-11-05');
  });

  it('writes hours with a decimal comma', () => {
    expect(formatHours(1.5)).toBe('1,5');
  });

  it('separates thousands always, four-digit numbers too', () => {
    expect(formatEuro(4270.5).replace(/\s/g, ' ')).toBe('4.270,50 €');
    expect(formatEuro(11713.48).replace(/\s/g, ' ')).toBe('11.713,48 €');
    expect(formatHours(1234.25)).toBe('1.234,25');
    expect(formatNumber(1234)).toBe('1.234');
  });
});

describe('numbers typed the Italian way', () => {
  it.each([
    ['2.120', 2120],
    ['3.180,00', 3180],
    ['1.500,50', 1500.5],
    ['2120', 2120],
    ['2120.5', 2120.5],
    ['2,12', 2.12],
    ['1.234.567,8', 1234567.8],
    [' 12,5 € ', 12.5],
  ])('reads %j as %d', (typed, value) => {
    expect(parseItalianNumber(typed)).toEqual({ ok: true, value });
  });

  it.each(['2.1234', '1,234.56', '1.2.3', '12a', '-5', '1.23,4'])('refuses %j as ambiguous', (typed) => {
    expect(parseItalianNumber(typed)).toMatchObject({ ok: false, message: expect.stringContaining('1.500,50') });
  });

  it('reads an empty box as no value', () => {
    expect(parseItalianNumber('  ')).toEqual({ ok: true, value: null });
  });
});
