// The Italian codice fiscale: 16 characters whose last one is a check character computed
// from the first 15. Omocodia (digits replaced by letters to resolve clashes) is accepted.

const ODD_VALUES: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function evenValue(char: string): number {
  const digit = char.charCodeAt(0) - 48;
  return digit >= 0 && digit <= 9 ? digit : LETTERS.indexOf(char);
}

/** Shape of a codice fiscale, omocodia letters allowed in the digit positions. */
export const FISCAL_CODE_PATTERN =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** The check character for the first 15 characters of a codice fiscale. */
export function fiscalCodeCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const char = first15.charAt(i);
    // Positions are 1-based in the specification: odd positions are indexes 0, 2, 4…
    sum += i % 2 === 0 ? (ODD_VALUES[char] ?? 0) : evenValue(char);
  }
  return LETTERS.charAt(sum % 26);
}

export type FiscalCodeProblem = 'format' | 'checkChar';

/** Why a (normalised, upper-case) codice fiscale is not valid, or null when it is. */
export function fiscalCodeProblem(code: string): FiscalCodeProblem | null {
  if (!FISCAL_CODE_PATTERN.test(code)) return 'format';
  return fiscalCodeCheckChar(code.slice(0, 15)) === code.charAt(15) ? null : 'checkChar';
}

export function normaliseFiscalCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}
