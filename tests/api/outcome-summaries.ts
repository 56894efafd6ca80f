// The outcomes summaries of migration 0150 as stored, and as recomputed from the raw rows by the
// migration's own views: the property test and the benchmark generator's test compare the two.
import type Database from 'better-sqlite3';

const COUNTS_ORDER = 'ORDER BY year, service_id, lot_id, figure, value, key_a, key_b';

/** Counters at zero are left in place by the triggers; only the others are figures. */
export function storedOutcomeSummaries(client: Database.Database) {
  return {
    years: client.prepare('SELECT * FROM ptri_outcome_years ORDER BY ptri_id, year').all(),
    counts: client.prepare(`SELECT * FROM outcome_counts WHERE n <> 0 ${COUNTS_ORDER}`).all(),
  };
}

export function recomputedOutcomeSummaries(client: Database.Database) {
  return {
    years: client.prepare('SELECT * FROM ptri_outcome_facts ORDER BY ptri_id, year').all(),
    counts: client.prepare(`SELECT * FROM outcome_counts_recomputed WHERE n <> 0 ${COUNTS_ORDER}`).all(),
  };
}
