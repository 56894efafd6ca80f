// Fictional persons with valid codici fiscali for the browser tests.
import { fiscalCodeCheckChar } from '@bds/shared';

const MONTHS = 'ABCDEHLMPRST';

/** A valid code for a fictional person; `n` keeps codes of one run apart. */
export function fiscalCode(n: number, sex: 'F' | 'M' = 'F'): string {
  const letters = 'BCDFGHLMNPRSTVZ';
  const pick = (i: number) => letters.charAt(i % letters.length);
  const surname = `${pick(n)}${pick(n + 3)}${pick(n + 7)}`;
  const name = `${pick(n + 1)}${pick(n + 5)}${pick(n + 9)}`;
  const day = String(10 + (n % 18) + (sex === 'F' ? 40 : 0));
  const first15 = `${surname}${name}85${MONTHS.charAt(n % 12)}${day}A944`;
  return `${first15}${fiscalCodeCheckChar(first15)}`;
}
