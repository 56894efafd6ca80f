// Refused attempts at person data (403, and the 404 a scoped role gets outside its scope) go in
// the access log, a bounded number per user per minute so that a probe cannot flood the log.
import type { FastifyRequest } from 'fastify';
import type { Db } from '@bds/db';
import type { AuditEntity } from '@bds/shared';
import { recordAudit } from './record.ts';
import { actorOf } from '../plugins/auth.ts';

export const REFUSALS_LOGGED_PER_MINUTE = 20;

/** The person data behind a route, by the start of its pattern. */
const PERSON_DATA_ROUTES: [string, AuditEntity][] = [
  ['/api/persons/:id', 'person'],
  ['/api/ptris/:id', 'ptri'],
  ['/api/evaluations/:id', 'evaluation'],
  ['/api/interventions/:id', 'intervention'],
];

/** Refusals logged this minute, per user, per database. */
const loggedByDb = new WeakMap<object, Map<number, { minute: number; count: number }>>();

export function recordRefusal(db: Db, request: FastifyRequest, status: number): void {
  const user = request.principal;
  if (!user || (status !== 403 && status !== 404)) return;
  const route = request.routeOptions.url ?? '';
  const entity = PERSON_DATA_ROUTES.find(([prefix]) => route.startsWith(prefix))?.[1];
  if (!entity) return;
  let logged = loggedByDb.get(db.$client);
  if (!logged) loggedByDb.set(db.$client, (logged = new Map()));
  const minute = Math.floor(Date.now() / 60_000);
  const seen = logged.get(user.id);
  const count = seen?.minute === minute ? seen.count + 1 : 1;
  logged.set(user.id, { minute, count });
  if (count > REFUSALS_LOGGED_PER_MINUTE) return;
  const id = Number((request.params as { id?: unknown } | undefined)?.id);
  recordAudit(db, actorOf(request), {
    action: 'refused',
    entity,
    entityId: Number.isSafeInteger(id) ? id : null,
    changes: { status, method: request.method, route },
  });
}
