// Managers' reports; a case manager sees their own service only.
import type { Db } from '@bds/db';
import type { YearlyCounts } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { Forbidden } from '../errors.ts';
import { auditRead } from '../audit/group-commit.ts';
import { daysThroughToday } from '../figures/definitions.ts';
import { yearlyUsersByService } from './queries.ts';

/** The service a report is restricted to for this actor, or null for all of them. */
function reportServiceScope(actor: Actor): number | null {
  if (actor.user.role === 'manager' || actor.user.role === 'admin') return null;
  if (actor.user.role === 'case_manager' && actor.user.serviceId) return actor.user.serviceId;
  throw new Forbidden();
}

export async function yearlyCounts(db: Db, actor: Actor, year: number, lot: number): Promise<YearlyCounts> {
  const { rows, total } = yearlyUsersByService(db, year, lot, reportServiceScope(actor), actor.today);
  await auditRead(db, actor, { action: 'read', entity: 'report_yearly_counts', changes: { year, lot } });
  return { year, lot, throughDate: daysThroughToday(`${year}-01-01`, `${year}-12-31`, actor.today)?.last ?? null, rows, total };
}
