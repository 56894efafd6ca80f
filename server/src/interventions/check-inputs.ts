// What the sliced check of an uploaded file read from the database: the projects, the activity
// list, each month's state and each person's minutes per day. At write time a few queries tell
// whether every one of those reads still gives the same answer; if so the check still holds and
// its rows are stored as checked, otherwise every row is checked again inside the transaction.
// Checking 20,000 rows again held the event loop for about a fifth of the upload's write.
import type { Queryable } from '@bds/db';
import type { RowScope } from '../access/policy.ts';
import * as q from './queries.ts';
import { sliceOf } from '../write-gate.ts';

const PERSONS_PER_TURN = 50;

/** Maps are written as arrays of pairs, so that two reads compare as text. */
const serialise = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v] : v));

export class CheckInputs {
  projects = '';
  activities = '';
  /** Month → its state as read. */
  readonly months = new Map<string, string>();
  /** `personId|month` → the person's minutes per day as read, before the file's own rows were booked. */
  readonly days = new Map<string, { personId: number; month: string; minutes: string }>();

  sawProjects(projects: Map<number, q.ProjectForWork>): void {
    this.projects = serialise(projects);
  }

  sawActivities(activities: Map<string, { id: number; label: string }>): void {
    this.activities = serialise(activities);
  }

  sawMonth(month: string, state: q.MonthState): void {
    this.months.set(month, serialise(state));
  }

  sawDays(personId: number, month: string, minutes: Map<string, number>): void {
    this.days.set(`${personId}|${month}`, { personId, month, minutes: serialise(minutes) });
  }

  /**
   * True when every read of the check gives the same answer on `db` now. The persons' days are read
   * again `PERSONS_PER_TURN` at a time: on tier L each reads cold index pages, and 500 persons in
   * one turn held the event loop for about 0.3 s.
   */
  async stillHold(
    db: Queryable,
    cooperativeId: number,
    projectIds: number[],
    scope: RowScope,
    turn: () => Promise<void>,
  ): Promise<boolean> {
    if (serialise(q.projectsForWork(db, projectIds, scope)) !== this.projects) return false;
    if (serialise(q.activityIndex(db)) !== this.activities) return false;
    for (const [month, state] of this.months) if (serialise(q.monthState(db, cooperativeId, month)) !== state) return false;
    // The reads above are a turn's work on a large database: the persons' months start a turn of their own.
    await turn();
    const readSlice = sliceOf(PERSONS_PER_TURN);
    for (const { personId, month, minutes } of this.days.values()) {
      if (serialise(q.personMinutesByDay(db, personId, month, 0)) !== minutes) return false;
      if (readSlice()) await turn();
    }
    return true;
  }
}
