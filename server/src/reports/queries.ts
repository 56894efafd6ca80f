import { sql } from 'drizzle-orm';
import type { Queryable } from '@bds/db';

/**
 * Distinct persons with a project of the lot active on at least one day of the year, per
 * responsible service; `serviceId` narrows it to one service. The one definition of NR_UT.
 */
export function yearlyUsersByService(db: Queryable, year: number, lotNumber: number, serviceId: number | null) {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const serviceFilter = serviceId === null ? sql`` : sql`AND p.service_id = ${serviceId}`;
  const rows = db.all<{ serviceId: number; serviceCode: string; serviceName: string; users: number }>(sql`
    SELECT s.id AS serviceId, s.code AS serviceCode, s.name AS serviceName, COUNT(DISTINCT p.person_id) AS users
    FROM ptris p
    JOIN lots l ON l.id = p.lot_id
    JOIN services s ON s.id = p.service_id
    WHERE l.number = ${lotNumber} AND p.activated_on IS NOT NULL AND p.activated_on <= ${yearEnd}
      AND COALESCE(p.ended_on, p.end_date) >= ${yearStart} ${serviceFilter}
    GROUP BY s.id
    ORDER BY s.name COLLATE NOCASE`);
  const total = db.get<{ total: number }>(sql`
    SELECT COUNT(DISTINCT p.person_id) AS total
    FROM ptris p JOIN lots l ON l.id = p.lot_id
    WHERE l.number = ${lotNumber} AND p.activated_on IS NOT NULL AND p.activated_on <= ${yearEnd}
      AND COALESCE(p.ended_on, p.end_date) >= ${yearStart} ${serviceFilter}`);
  return { rows, total: total?.total ?? 0 };
}
