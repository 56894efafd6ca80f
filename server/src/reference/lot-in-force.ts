// Which lot a number names on a date: lot numbers repeat in every tender.
export interface TenderLot {
  id: number;
  number: number;
  /** The framework agreement's period (migration 0017), `YYYY-MM-DD`. */
  tenderStart: string;
  tenderEnd: string;
}

/**
 * The lot numbered `number` in the tender in force on `date`: the one whose period holds the date
 * (the later begun if two overlap); between two tenders, the latest begun before the date (its
 * agreement extended until the next one starts); before every tender on record, the earliest,
 * the first framework the department registered.
 */
export function lotInForce<T extends TenderLot>(lots: readonly T[], number: number, date: string): T | undefined {
  const candidates = lots
    .filter((lot) => lot.number === number)
    .sort((a, b) => (a.tenderStart < b.tenderStart ? -1 : a.tenderStart > b.tenderStart ? 1 : a.id - b.id));
  const begun = candidates.filter((lot) => lot.tenderStart <= date);
  return begun.filter((lot) => date <= lot.tenderEnd).at(-1) ?? begun.at(-1) ?? candidates[0];
}
