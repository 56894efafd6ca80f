import { describe, expect, it as test } from 'vitest';
import { it } from './it.ts';

describe('counted phrases', () => {
  test('agree with their number and write hours the Italian way', () => {
    expect([it.coop.savedRows(1), it.coop.savedRows(3)]).toEqual(['1 intervento registrato.', '3 interventi registrati.']);
    expect([it.ptri.interventionsCount(1, 1.5), it.ptri.interventionsCount(4, 1), it.ptri.interventionsCount(12, 30.25)]).toEqual([
      '1 intervento, 1,5 ore',
      '4 interventi, 1 ora',
      '12 interventi, 30,25 ore',
    ]);
  });
});
