// The trigger-kept summaries — yearly counts (NR_UT per year, lot and service) and distinct
// persons and projects per activity period — as the reports read them, beside the figures'
// definitions over the raw rows (server/src/figures/definitions.ts).
import type { Db } from '@bds/db';
import { personsWithInterventions, usersOfLotInYear } from '@bds/server/figures/definitions.ts';
import { yearlyUsersByService } from '@bds/server/reports/queries.ts';

const YEARS = Array.from({ length: 11 }, (_, i) => 2020 + i);
const lotNumbers = (db: Db) =>
  (db.$client.prepare('SELECT DISTINCT number FROM lots ORDER BY number').all() as { number: number }[]).map((r) => r.number);

/** NR_UT of every year from 2020 to 2030 and every lot, as the yearly-counts report reads it from its summary. */
export function reportedYearlyCounts(db: Db, today: string) {
  return YEARS.flatMap((year) =>
    lotNumbers(db).map((lotNumber) => {
      const { rows, total } = yearlyUsersByService(db, year, lotNumber, null, today);
      return {
        year,
        lotNumber,
        total,
        perService: rows.map((r) => ({ serviceId: r.serviceId, users: r.users })).sort((a, b) => a.serviceId - b.serviceId),
      };
    }),
  );
}

/** The same years and lots as "a user of a lot in a year" defines them. */
export function definedYearlyCounts(db: Db, today: string) {
  return YEARS.flatMap((year) =>
    lotNumbers(db).map((lotNumber) => {
      const { perService, total } = usersOfLotInYear(db, year, lotNumber, today);
      return { year, lotNumber, total, perService };
    }),
  );
}

/** Persons and projects with interventions in every month and year that has any, as defined. */
export function recomputedActivityCounts(db: Db) {
  const periods = (
    db.$client
      .prepare(
        `SELECT DISTINCT month AS period FROM interventions
    UNION SELECT DISTINCT substr(month, 1, 4) FROM interventions ORDER BY 1`,
      )
      .all() as { period: string }[]
  ).map((r) => r.period);
  return periods.flatMap((period) =>
    personsWithInterventions(db, period).map((r) => ({
      period,
      lot_id: r.lotId,
      cooperativeId: r.cooperativeId,
      serviceId: r.serviceId,
      users: r.persons,
      projects: r.projects,
    })),
  );
}

export function storedActivityCounts(db: Db) {
  return db.$client
    .prepare(
      `SELECT period, lot_id, cooperative_id AS cooperativeId, service_id AS serviceId, users, projects
    FROM activity_counts WHERE users > 0 ORDER BY 1, 2, 3, 4`,
    )
    .all();
}

/** Open goals per axis of every project, counted from the goals themselves. */
export function recomputedOpenGoals(db: Db) {
  return db.$client
    .prepare(
      `SELECT p.id AS ptriId,
      COUNT(g.id) FILTER (WHERE g.axis = 'habitat') AS habitat, COUNT(g.id) FILTER (WHERE g.axis = 'sociality') AS sociality,
      COUNT(g.id) FILTER (WHERE g.axis = 'work') AS work
    FROM ptris p LEFT JOIN goals g ON g.ptri_id = p.id AND g.status = 'open' GROUP BY p.id ORDER BY p.id`,
    )
    .all();
}

/** The open-goal counters kept on each project by the triggers on goals. */
export function storedOpenGoals(db: Db) {
  return db.$client
    .prepare(
      `SELECT id AS ptriId, open_goals_habitat AS habitat, open_goals_sociality AS sociality, open_goals_work AS work
    FROM ptris ORDER BY id`,
    )
    .all();
}
