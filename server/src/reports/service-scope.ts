// Scope for the summaries kept per service (caseload, reviews due): the services whose projects a
// user sees, taken from the project condition of scope/visibility.ts applied to a bare service.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Principal } from '../auth/principal.ts';
import { Forbidden } from '../errors.ts';
import { visiblePtris } from '../scope/visibility.ts';

/**
 * Condition on a summary's service column, or undefined when the user sees every service. A
 * scope finer than a service (a cooperative's own projects) cannot be answered from a per-service
 * summary, so it is refused rather than widened.
 */
export function visibleServices(user: Principal, serviceColumn: SQLiteColumn): SQL | undefined {
  if (user.role === 'cooperative') throw new Forbidden();
  const visible = visiblePtris(user);
  // The derived table is named ptris so that the condition's "ptris"."service_id" reads the service.
  return visible && sql`${serviceColumn} IN (SELECT ptris.service_id FROM (SELECT id AS service_id FROM services) AS ptris WHERE ${visible})`;
}
