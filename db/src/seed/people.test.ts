import { describe, expect, it } from 'vitest';
import { fiscalCodeProblem } from '@bds/shared';
import { buildFiscalCode, omocode, personFactory } from './people.ts';
import { createRandom } from './random.ts';

describe('codice fiscale of the demo persons', () => {
  it('builds the textbook code of Mario Rossi', () => {
    expect(buildFiscalCode('Rossi', 'Mario', '1985-12-10', 'M', 'A562')).toBe('RSSMRA85T10A562S');
  });

  it('adds 40 to the day of birth of women and takes the 1st, 3rd and 4th consonant of a long name', () => {
    expect(buildFiscalCode('Bianchi', 'Francesca', '1990-03-05', 'F', 'A944')).toBe('BNCFNC90C45A944S');
  });

  it('resolves clashes by omocodia, keeping the check character valid', () => {
    expect(omocode('RSSMRA85T10A562S', 7)).toBe('RSSMRAURTMLARSNL');
    const factory = personFactory(createRandom(1));
    const codes = Array.from({ length: 3000 }, () => factory.create('F', new Date(1980, 0, 1)).fiscalCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => fiscalCodeProblem(code) === null)).toBe(true);
    expect(codes.some((code) => /[LMNPQRSTUV]$/.test(code.slice(14, 15)))).toBe(true);
  });
});
