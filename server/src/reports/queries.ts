import { sql } from 'drizzle-orm';
import type { Queryable } from '@bds/db';

/**
 * Distinct persons with a project of the lot active on at least one day of the year, per
 * responsible service; `serviceId` narrows it to one service. The one definition of NR_UT: it
 * reads the counters that triggers keep on every write of `ptris` (migration 0005), so it is a
 * lookup of a few rows whatever the number of projects.
 */
export function yearlyUsersByService(db: Queryable, year: number, lotNumber: number, serviceId: number | null) {
  const serviceFilter = serviceId === null ? sql`` : sql`AND c.service_id = ${serviceId}`;
  const rows = db.all<{ serviceId: number; serviceCode: string; serviceName: string; users: number }>(sql`
    SELECT s.id AS serviceId, s.code AS serviceCode, s.name AS serviceName, c.users AS users
    FROM yearly_service_users c
    JOIN services s ON s.id = c.service_id
    WHERE c.year = ${year} AND c.lot_number = ${lotNumber} AND c.users > 0 ${serviceFilter}
    ORDER BY s.name COLLATE NOCASE`);
  if (serviceId !== null) return { rows, total: rows[0]?.users ?? 0 };
  const total = db.get<{ total: number }>(sql`
    SELECT users AS total FROM yearly_lot_users WHERE year = ${year} AND lot_number = ${lotNumber}`);
  return { rows, total: total?.total ?? 0 };
}
