// Every person a search, list, report or export showed must find that read in their access log.
// Indexing them in person order as the read is recorded dirtied one page per person, most of what
// a report of a hundred persons cost; so the read appends its persons to audit_log_shown in log
// order, and the group commit moves them into audit_log_persons a few thousand at a time.
// A person's lookup reads both tables, so what it finds never depends on how far the merge got.
import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { schema, type Db, type Queryable } from '@bds/db';
import { preparedRun } from '../prepared.ts';

/** How many persons one merge moves at most (or one row's, if more): a few milliseconds of its turn. */
export const MERGE_PERSONS = 3000;
/** A merge is due once this many persons were staged, or this long after the last one. */
const MERGE_AFTER_PERSONS = 2000;
const MERGE_AFTER_MS = 1000;

const { auditLogPersons: merged, auditLogShown: staged } = schema;

/**
 * Stages the persons an access-log row showed, but the one it is about (its `person_id` finds it
 * already) and any null a left join gave.
 */
export function stageShownPersons(db: Queryable, auditId: number, personIds: readonly (number | null)[], personId: number | null): void {
  const others = personIds.filter((id) => id !== null && id !== personId);
  if (others.length === 0) return;
  preparedRun(db, 'stageShownPersons', () => {
    const p = sql.placeholder;
    return sql`INSERT INTO ${staged} (${sql.identifier(staged.auditId.name)}, ${sql.identifier(staged.persons.name)}, ${sql.identifier(staged.personIds.name)})
      VALUES (${p('auditId')}, ${p('persons')}, ${p('personIds')})`;
  }).run({ auditId, persons: others.length, personIds: JSON.stringify(others) });
}

/** The ids of the access-log rows that showed `personId` among others, below `beforeId`: merged or still staged. */
export function readsShowing(personId: number, beforeId: number | null = null): SQL {
  const below = (column: AnySQLiteColumn) => (beforeId ? sql` AND ${column} < ${beforeId}` : sql``);
  return sql`SELECT ${merged.auditId} FROM ${merged} WHERE ${merged.personId} = ${personId}${below(merged.auditId)}
    UNION ALL SELECT ${staged.auditId} FROM ${staged}, json_each(${staged.personIds}) AS shown
    WHERE shown.value = ${personId}${below(staged.auditId)}`;
}

export interface Merged {
  /** Staged rows moved, and the person ids they held. */
  rows: number;
  persons: number;
  /** Whether rows are still staged after these. */
  more: boolean;
}

/**
 * Moves the oldest staged rows, up to `maxPersons` persons (always at least one row), into
 * audit_log_persons, in person order so that each page of it is written once. Runs in the
 * caller's transaction: the rows leave the stage in the commit that indexes them.
 */
export function mergeShownPersons(db: Db, maxPersons = MERGE_PERSONS): Merged {
  const client = db.$client;
  let rows = 0;
  let persons = 0;
  let through: number | null = null;
  let more = false;
  for (const row of client.prepare(OLDEST_STAGED).iterate() as IterableIterator<{ auditId: number; persons: number }>) {
    if (rows > 0 && persons + row.persons > maxPersons) {
      more = true;
      break;
    }
    rows++;
    persons += row.persons;
    through = row.auditId;
  }
  if (through === null) return { rows: 0, persons: 0, more: false };
  client.prepare(MOVE_STAGED).run(through);
  client.prepare(DROP_STAGED).run(through);
  return { rows, persons, more };
}

/**
 * When the group commit merges, in the transaction of one of its commits: once enough persons were
 * staged, a second after the last merge (rows staged by other transactions or an earlier run), and
 * at every commit while a merge leaves rows behind. A merge that fails rolls back alone and is
 * tried again a second later: the rows it leaves staged are still found, and the reads committed
 * with it must not fail for it.
 */
export class ShownPersonsMerge {
  private readonly step: () => Merged;
  private stagedPersons = 0;
  private lastMergeAt = 0;
  /** Rows were left staged by the last merge: the group commit commits again for them. */
  behind = false;

  constructor(db: Db) {
    this.step = db.$client.transaction(() => mergeShownPersons(db));
  }

  noteStaged(persons: number): void {
    this.stagedPersons += persons;
  }

  due(now = Date.now()): boolean {
    return this.behind || this.stagedPersons >= MERGE_AFTER_PERSONS || now - this.lastMergeAt >= MERGE_AFTER_MS;
  }

  /** Merges in a savepoint of the caller's transaction; returns the persons moved. */
  run(now = Date.now()): number {
    this.stagedPersons = 0;
    this.lastMergeAt = now;
    this.behind = false;
    try {
      const { persons, more } = this.step();
      this.behind = more;
      return persons;
    } catch (error) {
      process.emitWarning(error as Error, 'AccessLogMergeWarning');
      return 0;
    }
  }
}

/** Moves every staged row, a merge at a time, each in a transaction of its own (tests, and whoever needs the stage empty). */
export function mergeAllShownPersons(db: Db): void {
  const step = db.$client.transaction(() => mergeShownPersons(db));
  while (step().more);
}

const OLDEST_STAGED = `SELECT audit_id AS auditId, persons FROM audit_log_shown ORDER BY audit_id`;
// OR IGNORE: a row may name a person twice; it also spares SQLite the statement journal an
// INSERT … SELECT otherwise keeps. In person order, each page of the index is visited once.
const MOVE_STAGED = `INSERT OR IGNORE INTO audit_log_persons (person_id, audit_id)
  SELECT shown.value, s.audit_id FROM audit_log_shown s, json_each(s.person_ids) AS shown
  WHERE s.audit_id <= ? ORDER BY 1, 2`;
const DROP_STAGED = `DELETE FROM audit_log_shown WHERE audit_id <= ?`;
