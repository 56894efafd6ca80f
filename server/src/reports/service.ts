// Managers' reports; a case manager sees their own service only.
import type { Db } from '@bds/db';
import type { YearlyCounts } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { Forbidden } from '../errors.ts';
import { auditRead } from '../audit/group-commit.ts';
import { policyOf } from '../access/policy.ts';
import { daysThroughToday } from '../figures/definitions.ts';
import { yearlyUsersByService } from './queries.ts';

export async function yearlyCounts(db: Db, actor: Actor, year: number, lot: number): Promise<YearlyCounts> {
  const scope = policyOf(actor.user).reports();
  // The counts are kept per service: a cooperative's share of them is not theirs to read.
  if (scope.cooperativeId !== null) throw new Forbidden();
  const { rows, total } = yearlyUsersByService(db, year, lot, scope.serviceId, actor.today);
  await auditRead(db, actor, { action: 'read', entity: 'report_yearly_counts', changes: { year, lot } });
  return { year, lot, throughDate: daysThroughToday(`${year}-01-01`, `${year}-12-31`, actor.today)?.last ?? null, rows, total };
}
