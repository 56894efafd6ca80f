import { describe, expect, it } from 'vitest';
import { fiscalCodeCheckChar, fiscalCodeProblem, normaliseFiscalCode } from '@bds/shared';

describe('codice fiscale', () => {
  it('accepts well-known valid codes, omocodia included', () => {
    expect(fiscalCodeProblem('RSSMRA80A01H501U')).toBeNull();
    expect(fiscalCodeProblem('MRTMTT91D08F205J')).toBeNull();
    // Omocodia: the last digit of the place code replaced by its letter (1 → M).
    const omocode = 'RSSMRA80A01H50M';
    expect(fiscalCodeProblem(omocode + fiscalCodeCheckChar(omocode))).toBeNull();
  });

  it('tells a wrong check character from a wrong format', () => {
    expect(fiscalCodeProblem('RSSMRA80A01H501A')).toBe('checkChar');
    expect(fiscalCodeProblem('RSSMRA80Z01H501U')).toBe('format');
    expect(fiscalCodeProblem('RSSMRA80A01H501')).toBe('format');
    expect(fiscalCodeProblem('')).toBe('format');
  });

  it('normalises spaces and case before checking', () => {
    expect(normaliseFiscalCode(' rssmra 80a01 h501u ')).toBe('RSSMRA80A01H501U');
  });
});
