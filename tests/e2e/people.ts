// Fictional persons with valid codici fiscali for the browser tests.
import { fiscalCodeCheckChar } from '@bds/shared';

const MONTHS = 'ABCDEHLMPRST';

const dayOf = (n: number) => 10 + (n % 18);

/** A valid code for a fictional person; `n` keeps codes of one run apart. */
export function fiscalCode(n: number, sex: 'F' | 'M' = 'F'): string {
  const letters = 'BCDFGHLMNPRSTVZ';
  const pick = (i: number) => letters.charAt(i % letters.length);
  const surname = `${pick(n)}${pick(n + 3)}${pick(n + 7)}`;
  const name = `${pick(n + 1)}${pick(n + 5)}${pick(n + 9)}`;
  const day = String(dayOf(n) + (sex === 'F' ? 40 : 0));
  const first15 = `${surname}${name}85${MONTHS.charAt(n % 12)}${day}A944`;
  return `${first15}${fiscalCodeCheckChar(first15)}`;
}

/** The birth date the code of `fiscalCode(n)` carries (the server refuses one that contradicts it). */
export function birthDateOf(n: number): string {
  return `1985-${String((n % 12) + 1).padStart(2, '0')}-${dayOf(n)}`;
}
