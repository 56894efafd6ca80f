// The trigger-kept summaries — yearly counts (NR_UT per year, lot and service) and distinct
// persons and projects per activity period — recomputed from the raw rows, beside what is stored.
import type { Db } from '@bds/db';

const YEARS = `WITH RECURSIVE years(y) AS (SELECT 1990 UNION ALL SELECT y + 1 FROM years WHERE y < 2100)`;
const ACTIVE_IN_YEAR = `p.activated_on IS NOT NULL AND p.activated_on <= years.y || '-12-31' AND COALESCE(p.ended_on, p.end_date) >= years.y || '-01-01'`;

export function recomputedYearlyCounts(db: Db) {
  const client = db.$client;
  return {
    perService: client.prepare(`${YEARS} SELECT years.y AS year, l.number AS lotNumber, p.service_id AS serviceId, COUNT(DISTINCT p.person_id) AS users
      FROM ptris p JOIN lots l ON l.id = p.lot_id JOIN years ON ${ACTIVE_IN_YEAR} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`).all(),
    perLot: client.prepare(`${YEARS} SELECT years.y AS year, l.number AS lotNumber, COUNT(DISTINCT p.person_id) AS users
      FROM ptris p JOIN lots l ON l.id = p.lot_id JOIN years ON ${ACTIVE_IN_YEAR} GROUP BY 1, 2 ORDER BY 1, 2`).all(),
  };
}

export function storedYearlyCounts(db: Db) {
  const client = db.$client;
  return {
    perService: client.prepare(`SELECT year, lot_number AS lotNumber, service_id AS serviceId, users FROM yearly_service_users
      WHERE users > 0 ORDER BY 1, 2, 3`).all(),
    perLot: client.prepare('SELECT year, lot_number AS lotNumber, users FROM yearly_lot_users WHERE users > 0 ORDER BY 1, 2').all(),
  };
}

const DISTINCT_ACTIVITY = 'COUNT(DISTINCT person_id) AS users, COUNT(DISTINCT ptri_id) AS projects FROM ptri_activity_periods';

export function recomputedActivityCounts(db: Db) {
  return db.$client.prepare(`SELECT * FROM (
    SELECT period, lot_id, cooperative_id AS cooperativeId, service_id AS serviceId, ${DISTINCT_ACTIVITY} GROUP BY period, lot_id, cooperative_id, service_id
    UNION ALL SELECT period, lot_id, cooperative_id, 0, ${DISTINCT_ACTIVITY} GROUP BY period, lot_id, cooperative_id
    UNION ALL SELECT period, lot_id, 0, service_id, ${DISTINCT_ACTIVITY} GROUP BY period, lot_id, service_id
    UNION ALL SELECT period, lot_id, 0, 0, ${DISTINCT_ACTIVITY} GROUP BY period, lot_id) ORDER BY 1, 2, 3, 4`).all();
}

export function storedActivityCounts(db: Db) {
  return db.$client.prepare(`SELECT period, lot_id, cooperative_id AS cooperativeId, service_id AS serviceId, users, projects
    FROM activity_counts WHERE users > 0 ORDER BY 1, 2, 3, 4`).all();
}

/** Open goals per axis of every project, counted from the goals themselves. */
export function recomputedOpenGoals(db: Db) {
  return db.$client.prepare(`SELECT p.id AS ptriId,
      COUNT(g.id) FILTER (WHERE g.axis = 'habitat') AS habitat, COUNT(g.id) FILTER (WHERE g.axis = 'sociality') AS sociality,
      COUNT(g.id) FILTER (WHERE g.axis = 'work') AS work
    FROM ptris p LEFT JOIN goals g ON g.ptri_id = p.id AND g.status = 'open' GROUP BY p.id ORDER BY p.id`).all();
}

/** The open-goal counters kept on each project by the triggers on goals. */
export function storedOpenGoals(db: Db) {
  return db.$client.prepare(`SELECT id AS ptriId, open_goals_habitat AS habitat, open_goals_sociality AS sociality, open_goals_work AS work
    FROM ptris ORDER BY id`).all();
}
