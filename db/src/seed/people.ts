// Fictional persons with a valid codice fiscale, unique across one run of the generator.
import { format } from 'date-fns';
import { fiscalCodeCheckChar } from '@bds/shared';
import type { Random } from './random.ts';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names.ts';

export type Sex = 'F' | 'M';

export interface DemoPerson {
  givenName: string;
  familyName: string;
  sex: Sex;
  birthDate: string;
  fiscalCode: string;
  searchKey: string;
  searchKeyAlt: string;
}

/** Well-formed cadastral (Belfiore) codes used as birthplaces; the schema does not keep the place. */
const BIRTHPLACES = [
  ['A944', 12],
  ['E289', 2],
  ['B880', 2],
  ['H945', 2],
  ['B249', 1],
  ['F257', 1],
  ['H501', 1],
  ['F839', 1],
  ['Z100', 1],
  ['Z129', 1],
  ['Z330', 1],
] as const;

const MONTH_LETTERS = 'ABCDEHLMPRST';
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** Digit positions replaced by letters to resolve clashes, from the rightmost one. */
const OMOCODIA_POSITIONS = [14, 13, 12, 10, 9, 7, 6];

const letters = (text: string): string => text.toUpperCase().replace(/[^A-Z]/g, '');
const consonants = (text: string): string => letters(text).replace(/[AEIOU]/g, '');
const vowels = (text: string): string => letters(text).replace(/[^AEIOU]/g, '');

function familyNameCode(familyName: string): string {
  return `${consonants(familyName)}${vowels(familyName)}XXX`.slice(0, 3);
}

function givenNameCode(givenName: string): string {
  const c = consonants(givenName);
  if (c.length >= 4) return `${c[0]}${c[2]}${c[3]}`;
  return `${c}${vowels(givenName)}XXX`.slice(0, 3);
}

/** The codice fiscale of a person: surname, name, birth date and sex, birthplace, check character. */
export function buildFiscalCode(familyName: string, givenName: string, birthDate: string, sex: Sex, birthplace: string): string {
  const [year = '', month = '', day = ''] = birthDate.split('-');
  const dayCode = String(Number(day) + (sex === 'F' ? 40 : 0)).padStart(2, '0');
  const first15 = `${familyNameCode(familyName)}${givenNameCode(givenName)}${year.slice(2)}${MONTH_LETTERS.charAt(Number(month) - 1)}${dayCode}${birthplace}`;
  return `${first15}${fiscalCodeCheckChar(first15)}`;
}

/** The n-th omocodia variant: the n rightmost digits replaced by letters, check character recomputed. */
export function omocode(fiscalCode: string, level: number): string {
  const chars = fiscalCode.slice(0, 15).split('');
  for (const position of OMOCODIA_POSITIONS.slice(0, level)) {
    chars[position] = OMOCODIA_LETTERS.charAt(Number(chars[position]));
  }
  const first15 = chars.join('');
  return `${first15}${fiscalCodeCheckChar(first15)}`;
}

export interface PersonFactory {
  create(sex: Sex, birthDate: Date): DemoPerson;
}

export function personFactory(random: Random): PersonFactory {
  const used = new Set<string>();
  const uniqueCode = (base: string): string => {
    for (let level = 0; level <= OMOCODIA_POSITIONS.length; level++) {
      const code = level === 0 ? base : omocode(base, level);
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
    throw new Error(`no free omocodia variant for ${base}`);
  };
  return {
    create(sex, birth) {
      const givenName = random.pick(sex === 'F' ? FEMALE_NAMES : MALE_NAMES);
      const familyName = random.pick(FAMILY_NAMES);
      const birthDate = format(birth, 'yyyy-MM-dd');
      const birthplace = random.weighted(BIRTHPLACES);
      const fiscalCode = uniqueCode(buildFiscalCode(familyName, givenName, birthDate, sex, birthplace));
      return {
        givenName,
        familyName,
        sex,
        birthDate,
        fiscalCode,
        searchKey: `${familyName} ${givenName}`.toLowerCase(),
        searchKeyAlt: `${givenName} ${familyName}`.toLowerCase(),
      };
    },
  };
}
