// A project's editable content as one plain object: stored with each revision and compared
// field by field to say what a revision changed.
import { isDeepStrictEqual } from 'node:util';
import type { Queryable } from '@bds/db';
import * as q from './queries.ts';

export type PtriSnapshot = ReturnType<typeof snapshotOf>;

export function snapshotOf(db: Queryable, ptri: q.PtriRow) {
  return {
    serviceId: ptri.serviceId,
    lotId: ptri.lotId,
    caseManagerId: ptri.caseManagerId,
    startDate: ptri.startDate,
    endDate: ptri.endDate,
    intensity: ptri.intensity,
    notes: ptri.notes,
    cooperativeIds: q.cooperativesOf(db, ptri.id).sort((a, b) => a - b),
    goals: q.goalsOf(db, ptri.id).map(({ id, axis, description, targetDate, status }) => ({ id, axis, description, targetDate, status })),
    budgetLines: q.budgetLinesOf(db, ptri.id).map(({ id, axis, source, description, minutes, amountCents, resourceId }) => ({
      id,
      axis,
      source,
      description,
      minutes,
      amountCents,
      resourceId,
    })),
  };
}

/**
 * What the person and the others agree to and sign: the plan, not who manages it nor how far
 * its goals got (a goal's status is an outcome the UVM records, not a change of plan).
 */
function agreedContent({ caseManagerId: _manager, goals, ...rest }: PtriSnapshot) {
  return { ...rest, goals: goals.map(({ status: _status, ...goal }) => goal) };
}

/** Whether a save changed the agreed content, and so makes a new content revision. */
export function contentChanged(before: PtriSnapshot, after: PtriSnapshot): boolean {
  return !isDeepStrictEqual(agreedContent(before), agreedContent(after));
}

export type Changes = Record<string, { before: unknown; after: unknown }>;

export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    if (!isDeepStrictEqual(before[key], after[key])) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return changes;
}
