// The budget composition summary (migration 0160) as stored, and recomputed from every project's
// rows of its view: the property test and the benchmark generator's test hold them equal.
import type { Db } from '@bds/db';

const NOT_ZERO = 'amount_cents <> 0 OR minutes <> 0 OR projects <> 0';

export const storedComposition = (db: Db) =>
  db.$client
    .prepare(
      `SELECT service_id, source, axis, year, amount_cents, minutes, projects FROM budget_composition_changes
       WHERE ${NOT_ZERO} ORDER BY 1, 2, 3, 4`,
    )
    .all();

export const recomputedComposition = (db: Db) =>
  db.$client
    .prepare(
      `SELECT * FROM (SELECT service_id, source, axis, year, SUM(amount_cents) AS amount_cents, SUM(minutes) AS minutes, SUM(projects) AS projects
         FROM ptri_budget_composition_changes GROUP BY 1, 2, 3, 4)
       WHERE ${NOT_ZERO} ORDER BY 1, 2, 3, 4`,
    )
    .all();
