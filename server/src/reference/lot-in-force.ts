// Which lot a number names on a date: lot numbers repeat in every tender.
export interface TenderLot {
  id: number;
  number: number;
  tenderYear: number;
}

/**
 * The lot numbered `number` in the tender in force on `date`: the latest tender awarded in or
 * before that year. A date before every tender on record takes the earliest one, the first
 * framework the department registered.
 */
export function lotInForce<T extends TenderLot>(lots: readonly T[], number: number, date: string): T | undefined {
  const year = Number(date.slice(0, 4));
  const candidates = lots.filter((lot) => lot.number === number).sort((a, b) => a.tenderYear - b.tenderYear);
  return candidates.filter((lot) => lot.tenderYear <= year).at(-1) ?? candidates[0];
}
