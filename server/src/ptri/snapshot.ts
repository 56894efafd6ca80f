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
    goals: q.goalsOf(db, ptri.id).map(({ axis, description, targetDate, status }) => ({ axis, description, targetDate, status })),
    budgetLines: q
      .budgetLinesOf(db, ptri.id)
      .map(({ axis, source, description, minutes, amountCents }) => ({ axis, source, description, minutes, amountCents })),
  };
}

export type Changes = Record<string, { before: unknown; after: unknown }>;

export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    if (!isDeepStrictEqual(before[key], after[key])) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return changes;
}
