import { describe, expect, it } from 'vitest';
import { formatMonth, formatNumber } from './format.ts';

describe('Italian formatting', () => {
  it('writes a calendar month by its name, and leaves anything else as it is', () => {
    expect(formatMonth('2026-11')).toBe('novembre 2026');
    expect(formatMonth('2025-01')).toBe('gennaio 2025');
    expect(formatMonth('2026-11-05')).toBe('2026-11-05');
  });

  it('writes hours with a decimal comma', () => {
    expect(formatNumber(1.5)).toBe('1,5');
  });
});
