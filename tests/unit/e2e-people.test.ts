// The browser tests share one server, so two files' fictional persons must never share a code:
// the second file to register one would meet the first one's person under another name.
import { describe, expect, it } from 'vitest';
import { fiscalCodeContradictions, fiscalCodeProblem } from '@bds/shared';
import { birthDateOf, fiscalCode } from '../e2e/people.ts';

describe('fictional persons of the browser tests', () => {
  it('gives every number and sex its own valid code, carrying its birth date', () => {
    const codes = new Set<string>();
    for (let n = 0; n < 10_000; n++) {
      for (const sex of ['F', 'M'] as const) {
        const code = fiscalCode(n, sex);
        expect(fiscalCodeProblem(code), code).toBeNull();
        expect(fiscalCodeContradictions(code, birthDateOf(n), sex), code).toEqual({});
        codes.add(code);
      }
    }
    expect(codes.size).toBe(20_000);
  });
});
