// The Italian codice fiscale: 16 characters whose last one is a check character computed
// from the first 15. Omocodia (digits replaced by letters to resolve clashes) is accepted.

const ODD_VALUES: Record<string, number> = {
  '0': 1,
  '1': 0,
  '2': 5,
  '3': 7,
  '4': 9,
  '5': 13,
  '6': 15,
  '7': 17,
  '8': 19,
  '9': 21,
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function evenValue(char: string): number {
  const digit = char.charCodeAt(0) - 48;
  return digit >= 0 && digit <= 9 ? digit : LETTERS.indexOf(char);
}

/** Shape of a codice fiscale, omocodia letters allowed in the digit positions. */
export const FISCAL_CODE_PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

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

const MONTH_LETTERS = 'ABCDEHLMPRST';
const OMOCODIA_LETTERS = 'LMNPQRSTUV';

/** A digit of the code, read through the omocodia substitution (L = 0 … V = 9). */
function digitAt(code: string, index: number): number {
  const char = code.charAt(index);
  const substituted = OMOCODIA_LETTERS.indexOf(char);
  return substituted >= 0 ? substituted : Number(char);
}

export interface FiscalCodeBirth {
  /** The last two digits of the year of birth. */
  yearOfCentury: number;
  month: number;
  day: number;
  sex: 'F' | 'M';
}

/** Birth day and sex written in a codice fiscale of valid shape (women's days are 41–71). */
export function fiscalCodeBirth(code: string): FiscalCodeBirth {
  const encodedDay = digitAt(code, 9) * 10 + digitAt(code, 10);
  return {
    yearOfCentury: digitAt(code, 6) * 10 + digitAt(code, 7),
    month: MONTH_LETTERS.indexOf(code.charAt(8)) + 1,
    day: encodedDay > 40 ? encodedDay - 40 : encodedDay,
    sex: encodedDay > 40 ? 'F' : 'M',
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What the birth date and sex typed beside a valid codice fiscale contradict in it, by field:
 * the code is checked against them, so the field that disagrees is the one named.
 */
export function fiscalCodeContradictions(code: string, birthDate: string, sex: 'F' | 'M'): { birthDate?: string; sex?: string } {
  const born = fiscalCodeBirth(code);
  const [year, month, day] = birthDate.split('-').map(Number);
  const contradictions: { birthDate?: string; sex?: string } = {};
  if (year === undefined || Number(year) % 100 !== born.yearOfCentury || month !== born.month || day !== born.day) {
    contradictions.birthDate = `non corrisponde al codice fiscale, che indica la nascita il ${pad(born.day)}/${pad(born.month)} di un anno che finisce per ${pad(born.yearOfCentury)}`;
  }
  if (sex !== born.sex)
    contradictions.sex = `non corrisponde al codice fiscale, che indica il sesso ${born.sex === 'F' ? 'femminile' : 'maschile'}`;
  return contradictions;
}
