// What the benchmark needs to know about the bench database before it starts: the case
// manager's service, records to read in rotation, and active projects the demo cooperative
// may record work on today.
import Database from 'better-sqlite3';
import { addMonths, monthOf, today as serverToday } from '@bds/shared';

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
      workFlatIds,
      communityActivityIds,
    };
  } finally {
    db.close();
  }
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
