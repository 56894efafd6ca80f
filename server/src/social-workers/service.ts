// The accounts of a district's social services, names and ids only: what the UVM needs to name
// one among the members of an evaluation, which then appears among that account's meetings.
import type { Db } from '@bds/db';
import type { SocialWorker } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { decodeCursor, page } from '../pagination.ts';
import * as q from './queries.ts';

export function listSocialWorkers(
  db: Db,
  actor: Actor,
  query: { districtId: number; limit: number; cursor?: string | undefined },
): { items: SocialWorker[]; nextCursor: string | null } {
  const after = decodeCursor(query.cursor, ['number']);
  const rows = q.socialWorkersOf(db, query.districtId, after ? (after[0] as number) : null, query.limit);
  recordAudit(db, actor, { action: 'read', entity: 'user_list' });
  return page(rows, query.limit, (row) => [row.id]);
}
