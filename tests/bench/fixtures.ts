// What the benchmark needs to know about the bench database before it starts: the case
// manager's service, records to read in rotation, and active projects the demo cooperative
// may record work on today.
import Database from 'better-sqlite3';
import { addMonths, monthOf, today as serverToday } from '@bds/shared';

export interface WorkRoom {
  ptriId: number;
  date: string;
  quarters: number;
}

const QUARTERS_A_DAY = 24 * 4;

export interface Fixtures {
  serviceId: number;
  lot1Id: number;
  cooperativeId: number;
  projectIds: number[];
  namePrefixes: string[];
  fiscalCodes: string[];
  workProjectIds: number[];
  /** The month the upload fills: the one just ended, as a cooperative reports it. */
  uploadMonth: string;
  /** The first day of the upload month each work project takes interventions on (its activation, or the 1st). */
  workProjectFrom: string[];
  habitatActivity: string;
  today: string;
  /**
   * The room left on each day of this month so far for the work projects' persons (24 hours a
   * person a day, whichever project the hours are on), in quarter hours: what the intervention
   * write round may record without a refusal.
   */
  workRoom: WorkRoom[];
  /** The same room on each day of the upload month from each work project's first day: what valid uploads may fill. */
  uploadRoom: WorkRoom[];
  /** Flats the bench cooperative runs, for its flat-level write. */
  workFlatIds: number[];
  /** Community activities the `coop.paco` account runs, for the session write. */
  communityActivityIds: number[];
}

const column = <T>(rows: unknown[], key: string): T[] => rows.map((row) => (row as Record<string, T>)[key] as T);

export function readFixtures(databasePath: string): Fixtures {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Record<string, number | string> | undefined;
    const serviceId = Number(one(`SELECT service_id AS id FROM users WHERE username = 'casemanager'`)?.id);
    const cooperativeId = Number(one(`SELECT cooperative_id AS id FROM users WHERE username = 'coop'`)?.id);
    const lot1Id = Number(one('SELECT id FROM lots WHERE number = 1 ORDER BY tender_year DESC')?.id);
    const today = serverToday();
    const projectIds = column<number>(
      db.prepare('SELECT id FROM ptris WHERE service_id = ? ORDER BY id DESC LIMIT 1000').all(serviceId),
      'id',
    );
    const persons = db
      .prepare(
        `SELECT p.family_name AS family, p.fiscal_code AS fiscalCode FROM person_services ps JOIN persons p ON p.id = ps.person_id
      WHERE ps.service_id = ? ORDER BY ps.person_id DESC LIMIT 1000`,
      )
      .all(serviceId);
    const namePrefixes = [...new Set(column<string>(persons, 'family').map((name) => name.toLocaleLowerCase('it')))];
    const fiscalCodes = column<string>(persons, 'fiscalCode');
    const uploadMonth = monthOf(addMonths(`${monthOf(today)}-01`, -1));
    const monthStart = `${uploadMonth}-01`;
    const workProjects = db
      .prepare(
        `SELECT p.id, MAX(p.activated_on, ?) AS fromDate FROM ptri_cooperatives pc JOIN ptris p ON p.id = pc.ptri_id
      WHERE pc.cooperative_id = ? AND p.status = 'active' AND p.activated_on <= ? AND p.end_date >= ? ORDER BY p.id DESC LIMIT 500`,
      )
      .all(monthStart, cooperativeId, `${uploadMonth}-28`, today);
    const workProjectIds = column<number>(workProjects, 'id');
    const workProjectFrom = column<string>(workProjects, 'fromDate');
    const daysUpTo = (month: string, last: number) => Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
    const workRoom = roomOnDays(db, workProjectIds, daysUpTo(monthOf(today), Number(today.slice(8))));
    const uploadRoom = roomOnDays(db, workProjectIds, daysUpTo(uploadMonth, 28), workProjectFrom);
    const habitatActivity = String(one(`SELECT label FROM activities WHERE axis = 'habitat' AND active = 1 ORDER BY id`)?.label ?? '');
    const workFlatIds = column<number>(
      db.prepare('SELECT id FROM flats WHERE cooperative_id = ? ORDER BY id LIMIT 500').all(cooperativeId),
      'id',
    );
    const communityActivityIds = column<number>(
      db
        .prepare(
          `SELECT a.id FROM community_activities a JOIN users u ON u.cooperative_id = a.cooperative_id
        WHERE u.username = 'coop.paco' AND a.from_date <= ? AND (a.to_date IS NULL OR a.to_date >= ?) ORDER BY a.id DESC LIMIT 500`,
        )
        .all(today, today),
      'id',
    );
    return {
      serviceId,
      lot1Id,
      cooperativeId,
      projectIds,
      namePrefixes,
      fiscalCodes,
      workProjectIds,
      uploadMonth,
      workProjectFrom,
      habitatActivity,
      today,
      workRoom,
      uploadRoom,
      workFlatIds,
      communityActivityIds,
    };
  } finally {
    db.close();
  }
}

/** Each person's free quarter hours on each day (from the project's `from`, if given), given to the first of the work projects of that person. */
function roomOnDays(db: Database.Database, projectIds: number[], days: string[], from: string[] = []): WorkRoom[] {
  const personOf = db.prepare('SELECT person_id AS personId FROM ptris WHERE id = ?').pluck();
  // Through (ptri_id, date) for each of the person's projects: no pass over the whole table at tier L.
  const minutesOn = db.prepare(
    `SELECT i.date AS date, SUM(i.minutes) AS minutes FROM ptris t JOIN interventions i ON i.ptri_id = t.id
    WHERE t.person_id = ? AND i.date BETWEEN ? AND ? GROUP BY i.date`,
  );
  const seen = new Set<number>();
  const room: WorkRoom[] = [];
  for (const [index, ptriId] of projectIds.entries()) {
    const personId = personOf.get(ptriId) as number;
    if (seen.has(personId)) continue;
    seen.add(personId);
    const minutes = new Map(
      (minutesOn.all(personId, days[0], days.at(-1)) as { date: string; minutes: number }[]).map((row) => [row.date, row.minutes]),
    );
    for (const date of days) {
      if (date < (from[index] ?? date)) continue;
      const quarters = QUARTERS_A_DAY - Math.ceil((minutes.get(date) ?? 0) / 15);
      if (quarters > 0) room.push({ ptriId, date, quarters });
    }
  }
  return room;
}

/**
 * One quarter hour after the other, each on the next project and day that still has room, so
 * that no write is refused by the 24-hour rule; `total` is how many there are.
 */
export function quarterHours(room: readonly WorkRoom[]): { total: number; next: () => { ptriId: number; date: string } } {
  const left = room.map((r) => ({ ...r }));
  let at = 0;
  return {
    total: room.reduce((sum, r) => sum + r.quarters, 0),
    next() {
      for (let tried = 0; tried < left.length; tried++, at = (at + 1) % left.length) {
        const slot = left[at]!;
        if (slot.quarters === 0) continue;
        slot.quarters--;
        at = (at + 1) % left.length;
        return { ptriId: slot.ptriId, date: slot.date };
      }
      throw new Error('no room left for another intervention on the work projects');
    },
  };
}

/** Cycles through a list, so consecutive requests read different records. */
export function rotation<T>(items: readonly T[]): () => T {
  let index = 0;
  return () => {
    const item = items[index % items.length];
    index++;
    if (item === undefined) throw new Error('nothing to rotate through');
    return item;
  };
}
