// The month's CSV template: the Italian header and one row per project the cooperative may record
// work on that month, with the person's name beside the project number; the reader skips rows
// left with the project alone, so the template goes back filled in as it came.
import type { Db } from '@bds/db';
import { UPLOAD_CSV_COLUMNS } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { policyOf } from '../access/policy.ts';
import * as q from './queries.ts';

export async function monthTemplate(db: Db, actor: Actor, cooperativeId: number, month: string) {
  if (actor.user.role !== 'cooperative') throw new Forbidden('Solo la cooperativa scarica il proprio modello');
  const policy = policyOf(actor.user);
  if (policy.reports().cooperativeId !== cooperativeId) throw new NotFound('Cooperativa non trovata');
  const projects = q.projectsOfMonth(db, month, policy);
  await auditRead(db, actor, { action: 'export', entity: 'ptri_list', changes: { template: month, ptriIds: projects.map((p) => p.id) } });
  const [ptriColumn, ...entryColumns] = UPLOAD_CSV_COLUMNS;
  return {
    filename: `modello-interventi-${month}.csv`,
    header: [ptriColumn, 'persona', ...entryColumns],
    rows: projects.map((p) => [p.id, p.personName, ...entryColumns.map(() => '')]),
  };
}
