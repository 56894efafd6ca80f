// Access-log rows: one per read or write of a person's data. Writes insert theirs inside their own
// transaction; reads go through the group commit in group-commit.ts.
import { sql } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import { isBackDated, type AuditAction, type AuditEntity } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { prepared } from '../prepared.ts';
import { stageShownPersons } from './person-index.ts';

export interface AuditEvent {
  action: AuditAction;
  /** Every entity has its Italian name in AUDIT_ENTITY_LABELS, which the access-log page shows. */
  entity: AuditEntity;
  entityId?: number | null;
  personId?: number | null;
  /** Every person a search, list, report or export showed: each finds the read in their record. */
  personIds?: readonly number[];
  changes?: unknown;
}

/** What an access-log row of a record dated before the current month (work, a lifecycle move, an evaluation) says of it. */
export function backDatedMark(date: string, today: string): { backDated?: true } {
  return isBackDated(date, today) ? { backDated: true } : {};
}

/** Someone not (yet) signed in, e.g. a failed login: the name they gave and their address. */
export interface Anonymous {
  user: null;
  username: string | null;
  ip: string;
}

/** The access-log row of an event, stamped now: the read or write happened at this moment. */
export function auditRow(actor: Actor | Anonymous, event: AuditEvent, at = new Date().toISOString()) {
  return {
    at,
    userId: actor.user?.id ?? null,
    username: actor.user ? actor.user.username : actor.username,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    personId: event.personId ?? null,
    changes: event.changes ?? null,
    ip: actor.ip,
    personIds: event.personIds ?? NO_PERSONS,
  };
}

const NO_PERSONS: readonly number[] = [];

export type AuditRow = ReturnType<typeof auditRow>;

/**
 * Inserts one access-log row, and stages the persons it showed (person-index.ts), with statements
 * prepared once per connection. The caller's transaction holds them together.
 */
export function insertAuditRow(db: Queryable, row: AuditRow): void {
  const { lastInsertRowid } = prepared(db, 'insertAuditRow', (db) => {
    const p = sql.placeholder;
    return db
      .insert(schema.auditLog)
      .values({
        at: p('at'),
        userId: p('userId'),
        username: p('username'),
        action: p('action'),
        entity: p('entity'),
        entityId: p('entityId'),
        personId: p('personId'),
        changes: p('changes'),
        ip: p('ip'),
      })
      .prepare();
  }).run(row);
  if (row.personIds.length > 0) stageShownPersons(db, Number(lastInsertRowid), row.personIds, row.personId);
}

export function recordAudit(tx: Queryable, actor: Actor | Anonymous, event: AuditEvent, at = new Date().toISOString()): void {
  insertAuditRow(tx, auditRow(actor, event, at));
}
