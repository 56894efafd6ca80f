// The yearly-counts summary (NR_UT per year, lot and service) recomputed from the raw projects
// by the definition itself, beside what the triggers stored.
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
