// The list of activities per axis: everyone who records or reads interventions sees it, the admin edits it.
import type { z } from 'zod';
import type { Queryable } from '@bds/db';
import type { activityBody, activityUpdateBody } from '@bds/shared';
import { Conflict, NotFound } from '../errors.ts';
import { allActivities, insertActivity, updateActivity } from './queries.ts';

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Runs a write, turning a second activity of the same name on one axis into a conflict. */
function uniquely<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('Attività già presente per questo asse');
    throw error;
  }
}

export const listActivities = (db: Queryable) => allActivities(db);

export function addActivity(db: Queryable, body: z.output<typeof activityBody>) {
  return uniquely(() => insertActivity(db, body));
}

export function changeActivity(db: Queryable, id: number, body: z.output<typeof activityUpdateBody>) {
  const row = uniquely(() => updateActivity(db, id, body));
  if (!row) throw new NotFound('Attività non trovata');
  return row;
}
