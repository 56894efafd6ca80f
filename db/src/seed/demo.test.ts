import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { addMonths, format, parseISO } from 'date-fns';
import { verify } from '@node-rs/argon2';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_SOURCES, fiscalCodeProblem } from '@bds/shared';
import { openMemoryDb, type Db } from '../connection.ts';
import { DEMO_PASSWORD, DEMO_TODAY, PUBLISHED_SERVICE_ALIASES, isDatabaseEmpty, seedDemoData, seedReferenceData } from './index.ts';

const FIXTURE = new URL('../../../tests/fixtures/lot1-users-by-service.csv', import.meta.url);

/** The yearly count of users per service, as the server computes it. */
const YEARLY_COUNT = `SELECT p.service_id, COUNT(DISTINCT p.person_id) AS users FROM ptris p JOIN lots l ON l.id = p.lot_id
  WHERE l.number = :lot AND p.activated_on IS NOT NULL AND p.activated_on <= :yearEnd AND COALESCE(p.ended_on, p.end_date) >= :yearStart
  GROUP BY p.service_id`;
const YEARLY_TOTAL = `SELECT COUNT(DISTINCT p.person_id) AS users FROM ptris p JOIN lots l ON l.id = p.lot_id
  WHERE l.number = :lot AND p.activated_on IS NOT NULL AND p.activated_on <= :yearEnd AND COALESCE(p.ended_on, p.end_date) >= :yearStart`;

interface PublishedRow {
  year: number;
  service: string;
  users: number;
}

function publishedRows(): PublishedRow[] {
  const [header, ...lines] = readFileSync(FIXTURE, 'utf8').trim().split(/\r?\n/);
  expect(header).toBe('year,service,users');
  return lines.map((line) => {
    const [year, service, users] = line.split(',');
    return { year: Number(year), service: service ?? '', users: Number(users) };
  });
}

async function seededDb(): Promise<Db> {
  const db = openMemoryDb();
  seedReferenceData(db);
  await seedDemoData(db);
  return db;
}

function rows<T>(db: Db, sql: string, params: Record<string, unknown> = {}): T[] {
  return db.$client.prepare(sql).all(params) as T[];
}

const digestOf = (db: Db, table: string): string =>
  createHash('sha256')
    .update(JSON.stringify(rows(db, `SELECT * FROM ${table} ORDER BY 1, 2`)))
    .digest('hex');

describe('demo data', () => {
  let db: Db;
  // Seeding takes seconds, more on a machine shared by parallel test runs.
  beforeAll(async () => {
    db = await seededDb();
  }, 60_000);

  it('reproduces every row of the published Lot 1 counts for 2024 and 2025', () => {
    const codes = new Map(rows<{ id: number; code: string }>(db, 'SELECT id, code FROM services').map((s) => [s.id, s.code]));
    const published = publishedRows();
    expect(published).toHaveLength(31);
    for (const year of [2024, 2025]) {
      const params = { lot: 1, yearStart: `${year}-01-01`, yearEnd: `${year}-12-31` };
      const counted = new Map(
        rows<{ service_id: number; users: number }>(db, YEARLY_COUNT, params).map((row) => [codes.get(row.service_id), row.users]),
      );
      const expected = new Map(
        published.filter((row) => row.year === year).map((row) => [PUBLISHED_SERVICE_ALIASES[row.service], row.users]),
      );
      expect(expected.has(undefined)).toBe(false);
      expect(counted).toEqual(expected);
      const total = rows<{ users: number }>(db, YEARLY_TOTAL, params)[0]?.users;
      expect(total).toBe(year === 2024 ? 650 : 704);
      expect(total).toBe([...counted.values()].reduce((sum, users) => sum + users, 0));
    }
  });

  it('gives every person a valid, unique codice fiscale and search keys', () => {
    const persons = rows<{ fiscal_code: string; given_name: string; family_name: string; search_key: string; search_key_alt: string }>(
      db,
      'SELECT fiscal_code, given_name, family_name, search_key, search_key_alt FROM persons',
    );
    expect(persons.length).toBeGreaterThan(900);
    for (const person of persons) {
      expect(fiscalCodeProblem(person.fiscal_code), person.fiscal_code).toBeNull();
      expect(person.search_key).toBe(`${person.family_name} ${person.given_name}`.toLowerCase());
      expect(person.search_key_alt).toBe(`${person.given_name} ${person.family_name}`.toLowerCase());
    }
    expect(new Set(persons.map((person) => person.fiscal_code)).size).toBe(persons.length);
  });

  // Seeds a second database: as long as the first one's seeding in beforeAll, and given as long.
  it('generates the same data on every run', async () => {
    const again = await seededDb();
    for (const table of [
      'persons',
      'ptris',
      'goals',
      'budget_lines',
      'ptri_transitions',
      'ptri_revisions',
      'evaluations',
      'ptri_cooperatives',
      'community_activities',
      'community_sessions',
      'community_attendances',
      'ptri_signatures',
      'person_benefits',
      'ptri_shares',
      'ptri_proposals',
    ]) {
      expect(digestOf(again, table), table).toBe(digestOf(db, table));
    }
  }, 60_000);

  it('never activates a project that is a draft, waiting for the UVM or rejected', () => {
    const wrong = rows(
      db,
      `SELECT id FROM ptris WHERE status IN ('draft', 'submitted', 'rejected')
      AND (activated_on IS NOT NULL OR ended_on IS NOT NULL OR next_review_date IS NOT NULL)`,
    );
    expect(wrong).toEqual([]);
    const statuses = rows<{ status: string }>(db, 'SELECT DISTINCT status FROM ptris ORDER BY status').map((row) => row.status);
    expect(statuses).toEqual(['active', 'closed', 'draft', 'rejected', 'submitted', 'suspended']);
  });

  it('runs eight Lot 3 flats of 3–5 places whose stays never overfill a flat nor overlap for one person', () => {
    const flats = rows<{ id: number; places: number; district: number }>(db, 'SELECT id, places, district_id AS district FROM flats');
    expect(flats).toHaveLength(8);
    expect(flats.every((f) => f.places >= 3 && f.places <= 5)).toBe(true);
    expect(new Set(flats.map((f) => f.district)).size).toBeGreaterThanOrEqual(3);
    // The coop.tetto account is the executing member that runs them all.
    expect(
      rows(
        db,
        "SELECT f.id FROM flats f LEFT JOIN users u ON u.cooperative_id = f.cooperative_id AND u.username = 'coop.tetto' WHERE u.id IS NULL",
      ),
    ).toEqual([]);
    const stays = rows<{ flat: number; person: number; from: string; to: string | null; lot: number; destination: string | null }>(
      db,
      `SELECT s.flat_id AS flat, s.person_id AS person, s.from_date AS "from", s.to_date AS "to", l.number AS lot, s.destination
       FROM flat_stays s JOIN ptris p ON p.id = s.ptri_id JOIN lots l ON l.id = p.lot_id`,
    );
    expect(stays.length).toBeGreaterThanOrEqual(30);
    expect(stays.every((s) => s.lot === 3)).toBe(true);
    expect(stays.filter((s) => s.destination).length).toBeGreaterThan(10);
    const on = (s: { from: string; to: string | null }, day: string) => s.from <= day && (s.to ?? '9999-12-31') >= day;
    for (const s of stays) {
      const places = flats.find((f) => f.id === s.flat)!.places;
      expect(stays.filter((o) => o.flat === s.flat && on(o, s.from)).length).toBeLessThanOrEqual(places);
      expect(stays.filter((o) => o.person === s.person && on(o, s.from))).toHaveLength(1);
    }
  });

  it('keeps the period of care consistent with the status', () => {
    expect(
      rows(db, "SELECT id FROM ptris WHERE status = 'closed' AND (ended_on IS NULL OR activated_on IS NULL OR ended_on < activated_on)"),
    ).toEqual([]);
    expect(
      rows(db, "SELECT id FROM ptris WHERE status IN ('active', 'suspended') AND (activated_on IS NULL OR ended_on IS NOT NULL)"),
    ).toEqual([]);
    expect(rows(db, 'SELECT id FROM ptris WHERE activated_on < start_date OR end_date < start_date')).toEqual([]);
    expect(rows(db, 'SELECT id FROM ptris WHERE activated_on > :today OR ended_on > :today', { today: DEMO_TODAY })).toEqual([]);
    const active = rows<{ overdue: number; all: number }>(
      db,
      `SELECT SUM(end_date < :today) AS overdue, COUNT(*) AS "all"
      FROM ptris WHERE status = 'active'`,
      { today: DEMO_TODAY },
    )[0];
    expect(active?.overdue).toBeGreaterThan(0);
    expect(active?.overdue ?? 0).toBeLessThan((active?.all ?? 0) * 0.05);
  });

  it('sets the next review six months after the last evaluation of a project in force', () => {
    const projects = rows<{ next_review_date: string; last: string }>(
      db,
      `SELECT p.next_review_date, MAX(e.date) AS last
      FROM ptris p JOIN evaluations e ON e.ptri_id = p.id WHERE p.status IN ('active', 'suspended') GROUP BY p.id`,
    );
    expect(projects.length).toBeGreaterThan(400);
    for (const project of projects) {
      expect(project.next_review_date).toBe(format(addMonths(parseISO(project.last), 6), 'yyyy-MM-dd'));
    }
    expect(rows(db, "SELECT id FROM ptris WHERE status IN ('active', 'suspended') AND next_review_date IS NULL")).toEqual([]);
  });

  it('records evaluations that match the project: approval before activation, rejection, final review', () => {
    expect(
      rows(
        db,
        `SELECT p.id FROM ptris p WHERE p.activated_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evaluations e
      WHERE e.ptri_id = p.id AND e.kind = 'initial' AND e.outcome IN ('approved', 'approved_with_changes') AND e.date <= p.activated_on)`,
      ),
    ).toEqual([]);
    expect(
      rows(
        db,
        `SELECT p.id FROM ptris p WHERE p.status = 'rejected' AND NOT EXISTS (SELECT 1 FROM evaluations e
      WHERE e.ptri_id = p.id AND e.kind = 'initial' AND e.outcome = 'not_approved')`,
      ),
    ).toEqual([]);
    expect(
      rows(
        db,
        `SELECT p.id FROM ptris p WHERE p.status = 'closed' AND NOT EXISTS (SELECT 1 FROM evaluations e
      WHERE e.ptri_id = p.id AND e.kind = 'final')`,
      ),
    ).toEqual([]);
  });

  it('totals HoNOS scores leaving out the items scored 9', () => {
    const evaluations = rows<{ scores: string; honos_total: number }>(
      db,
      'SELECT scores, honos_total FROM evaluations WHERE scores IS NOT NULL',
    );
    expect(evaluations.length).toBeGreaterThan(1000);
    let notKnown = 0;
    for (const evaluation of evaluations) {
      const honos = (JSON.parse(evaluation.scores) as { honos: number[] }).honos;
      expect(honos).toHaveLength(12);
      notKnown += honos.filter((score) => score === 9).length;
      expect(honos.every((score) => (score >= 0 && score <= 4) || score === 9)).toBe(true);
      expect(evaluation.honos_total).toBe(honos.reduce((sum, score) => sum + (score === 9 ? 0 : score), 0));
    }
    expect(notKnown).toBeGreaterThan(0);
  });

  it('keeps one revision per version and a status move for every step', () => {
    expect(
      rows(
        db,
        `SELECT p.id FROM ptris p WHERE p.version <> (SELECT COUNT(*) FROM ptri_revisions r WHERE r.ptri_id = p.id)
      OR NOT EXISTS (SELECT 1 FROM ptri_revisions r WHERE r.ptri_id = p.id AND r.version = 1 AND r.changes IS NULL)`,
      ),
    ).toEqual([]);
    expect(rows(db, 'SELECT id FROM ptri_revisions WHERE version > 1 AND changes IS NULL')).toEqual([]);
    expect(
      rows(
        db,
        `SELECT p.id FROM ptris p WHERE p.status <> 'draft' AND NOT EXISTS (SELECT 1 FROM ptri_transitions t
      WHERE t.ptri_id = p.id AND t.to_status = p.status)`,
      ),
    ).toEqual([]);
    const goals = rows<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM goals GROUP BY ptri_id').map((row) => row.n);
    expect(Math.min(...goals)).toBe(2);
    expect(Math.max(...goals)).toBe(5);
  });

  it('uses every budget source, records benefits for most persons and signs the revisions the UVM saw', () => {
    const sources = rows<{ source: string }>(db, 'SELECT DISTINCT source FROM budget_lines ORDER BY source').map((row) => row.source);
    expect(sources).toEqual([...BUDGET_SOURCES].sort());
    const [{ withBenefits, persons }] = rows<{ withBenefits: number; persons: number }>(
      db,
      'SELECT (SELECT COUNT(DISTINCT person_id) FROM person_benefits) AS withBenefits, (SELECT COUNT(*) FROM persons) AS persons',
    ) as [{ withBenefits: number; persons: number }];
    expect(withBenefits / persons).toBeGreaterThan(0.7);
    expect(withBenefits).toBeLessThan(persons);
    // An approved project had the person's signature on the revision the UVM approved (the first).
    expect(
      rows(
        db,
        `SELECT p.id FROM ptris p WHERE p.activated_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ptri_signatures s
         WHERE s.ptri_id = p.id AND s.revision = 1 AND s.signer IN ('person', 'guardian'))`,
      ),
    ).toEqual([]);
    // The signed revision on the project is the latest the person signed.
    expect(
      rows(
        db,
        `SELECT p.id FROM ptris p WHERE p.person_signed_revision IS NOT (SELECT max(s.revision) FROM ptri_signatures s
         WHERE s.ptri_id = p.id AND s.signer IN ('person', 'guardian'))`,
      ),
    ).toEqual([]);
    const [{ pending, inCare }] = rows<{ pending: number; inCare: number }>(
      db,
      `SELECT SUM(person_signed_revision IS NOT revision) AS pending, COUNT(*) AS inCare FROM ptris WHERE status IN ('active', 'suspended')`,
    ) as [{ pending: number; inCare: number }];
    expect(pending).toBeGreaterThan(0);
    expect(pending / inCare).toBeLessThan(0.1);
  });

  it('shares drafts of CSM Navile with the demo cooperative, with an open, a declined and an accepted proposal', () => {
    const proposals = rows<{ status: string; ptriStatus: string; shared: number; decisionNote: string | null; applied: number | null }>(
      db,
      `SELECT pp.status, p.status AS ptriStatus, pp.decision_note AS decisionNote, pp.applied_version AS applied,
        (SELECT COUNT(*) FROM ptri_shares s WHERE s.ptri_id = p.id AND s.cooperative_id = pp.cooperative_id) AS shared
       FROM ptri_proposals pp JOIN ptris p ON p.id = pp.ptri_id ORDER BY pp.id`,
    );
    expect(proposals.map((row) => row.status)).toEqual(['open', 'declined', 'accepted']);
    for (const row of proposals) expect(row).toMatchObject({ ptriStatus: 'draft', shared: 1 });
    expect(proposals[1]?.decisionNote).toBeTruthy();
    // The accepted one is the version that applied it, and names it.
    const applied = rows<{ n: number }>(
      db,
      `SELECT COUNT(*) AS n FROM ptri_proposals pp JOIN ptri_revisions r ON r.ptri_id = pp.ptri_id AND r.version = pp.applied_version
       AND r.proposal_id = pp.id JOIN ptris p ON p.id = pp.ptri_id AND p.version = pp.applied_version WHERE pp.status = 'accepted'`,
    );
    expect(applied[0]?.n).toBe(1);
  });

  it('maps about 150 community resources over every district and axis, with budget lines pointing at active ones', () => {
    const [{ resources, ets, etsWithRunts }] = rows<{ resources: number; ets: number; etsWithRunts: number }>(
      db,
      `SELECT COUNT(*) AS resources, SUM(provider_kind = 'ets') AS ets, SUM(provider_kind = 'ets' AND runts_number IS NOT NULL) AS etsWithRunts
       FROM resources`,
    ) as [{ resources: number; ets: number; etsWithRunts: number }];
    expect(resources).toBeGreaterThanOrEqual(140);
    expect(resources).toBeLessThanOrEqual(160);
    expect(etsWithRunts).toBe(ets);
    // Every district offers something on every axis.
    expect(rows(db, 'SELECT DISTINCT district_id, axis FROM resource_districts')).toHaveLength(6 * 3);
    const linked = rows<{ active: number; sameDistrict: number }>(
      db,
      `SELECT r.active AS active, EXISTS (SELECT 1 FROM resource_districts rd JOIN persons ON persons.id = p.person_id
         WHERE rd.resource_id = r.id AND rd.district_id = persons.district_id) AS sameDistrict
       FROM budget_lines bl JOIN resources r ON r.id = bl.resource_id JOIN ptris p ON p.id = bl.ptri_id`,
    );
    expect(linked.length).toBeGreaterThan(100);
    expect(linked.every((line) => line.active === 1 && line.sameDistrict === 1)).toBe(true);
  });

  it('gives every social-services line an answer of the social services, mostly confirmed on projects in care', () => {
    const byState = rows<{ inCare: number; confirmation: string | null; n: number }>(
      db,
      `SELECT p.status IN ('active', 'suspended', 'closed') AS inCare, bl.confirmation, COUNT(*) AS n
       FROM budget_lines bl JOIN ptris p ON p.id = bl.ptri_id WHERE bl.source = 'social_services'
       GROUP BY 1, 2`,
    );
    expect(byState.filter((row) => row.confirmation === null)).toEqual([]);
    const share = (inCare: number, confirmation: string) => {
      const all = byState.filter((row) => row.inCare === inCare).reduce((sum, row) => sum + row.n, 0);
      return (byState.find((row) => row.inCare === inCare && row.confirmation === confirmation)?.n ?? 0) / all;
    };
    expect(share(1, 'confirmed')).toBeGreaterThan(0.75);
    expect(share(1, 'declined')).toBeGreaterThan(0);
    expect(share(0, 'proposed')).toBeGreaterThan(0.4);
    // Other sources carry none.
    expect(rows(db, "SELECT id FROM budget_lines WHERE source <> 'social_services' AND confirmation IS NOT NULL")).toEqual([]);
  });

  it('puts every person with a project in the care of that service', () => {
    expect(
      rows(
        db,
        `SELECT p.id FROM ptris p WHERE NOT EXISTS (SELECT 1 FROM person_services ps
      WHERE ps.service_id = p.service_id AND ps.person_id = p.person_id)`,
      ),
    ).toEqual([]);
  });

  it('gives the demo accounts a caseload: CSM Navile for the case manager, many Lot 1 projects for the cooperative', async () => {
    const casemanager = rows<{ id: number; password_hash: string }>(
      db,
      "SELECT id, password_hash FROM users WHERE username = 'casemanager'",
    )[0];
    expect(casemanager?.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await verify(casemanager?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
    const navile = rows<{ status: string; case_manager_id: number }>(
      db,
      `SELECT p.status, p.case_manager_id FROM ptris p
      JOIN services s ON s.id = p.service_id WHERE s.code = 'CSM-NAVILE'`,
    );
    expect(navile.every((project) => project.case_manager_id === casemanager?.id)).toBe(true);
    expect(navile.filter((project) => project.status === 'active').length).toBeGreaterThan(25);
    expect(navile.filter((project) => project.status === 'submitted').length).toBeGreaterThanOrEqual(3);
    const coopActive = rows<{ n: number }>(
      db,
      `SELECT COUNT(*) AS n FROM ptri_cooperatives pc JOIN users u ON u.cooperative_id = pc.cooperative_id
      JOIN ptris p ON p.id = pc.ptri_id JOIN lots l ON l.id = p.lot_id WHERE u.username = 'coop' AND l.number = 1 AND p.status = 'active'`,
    )[0];
    expect(coopActive?.n).toBeGreaterThan(100);
    const roles = rows<{ role: string }>(
      db,
      "SELECT role FROM users WHERE username IN ('admin', 'manager', 'casemanager', 'uvm', 'coop') ORDER BY role",
    );
    expect(roles.map((row) => row.role)).toEqual(['admin', 'case_manager', 'cooperative', 'manager', 'uvm']);
  });

  it('has Lot 4 as community activities, not individual projects: about twenty over the three axes, with weekly sessions', () => {
    expect(rows(db, 'SELECT p.id FROM ptris p JOIN lots l ON l.id = p.lot_id WHERE l.number = 4')).toEqual([]);
    const activities = rows<{ axis: string; n: number }>(
      db,
      'SELECT axis, COUNT(*) AS n FROM community_activities GROUP BY axis ORDER BY axis',
    );
    expect(activities.map((row) => row.axis)).toEqual(['habitat', 'sociality', 'work']);
    expect(activities.reduce((sum, row) => sum + row.n, 0)).toBe(20);
    // Every activity's cooperative is a member of its Lot 4, and the coop.paco account runs some of them.
    expect(
      rows(
        db,
        `SELECT a.id FROM community_activities a JOIN lots l ON l.id = a.lot_id
        WHERE l.number <> 4 OR NOT EXISTS (SELECT 1 FROM lot_cooperatives lc WHERE lc.lot_id = a.lot_id AND lc.cooperative_id = a.cooperative_id)`,
      ),
    ).toEqual([]);
    const paco = rows<{ n: number }>(
      db,
      "SELECT COUNT(*) AS n FROM community_activities a JOIN users u ON u.cooperative_id = a.cooperative_id WHERE u.username = 'coop.paco'",
    )[0];
    expect(paco?.n).toBeGreaterThan(0);
    // Attendees are enrolled, attend on or after enrolling, and no session lies outside its activity's period or after today.
    expect(
      rows(
        db,
        `SELECT t.session_id FROM community_attendances t JOIN community_sessions s ON s.id = t.session_id
        LEFT JOIN community_enrolments e ON e.activity_id = s.activity_id AND e.ptri_id = t.ptri_id
        WHERE e.ptri_id IS NULL OR s.date < e.enrolled_on`,
      ),
    ).toEqual([]);
    expect(
      rows(
        db,
        `SELECT s.id FROM community_sessions s JOIN community_activities a ON a.id = s.activity_id
        WHERE s.date < a.from_date OR (a.to_date IS NOT NULL AND s.date > a.to_date) OR s.date > :today`,
        { today: DEMO_TODAY },
      ),
    ).toEqual([]);
    const sessions = rows<{ n: number; others: number }>(
      db,
      'SELECT COUNT(*) AS n, SUM(other_participants) AS others FROM community_sessions',
    )[0];
    expect(sessions?.n).toBeGreaterThan(20 * 30);
    expect(sessions?.others).toBeGreaterThan(0);
    // The yearly summaries equal their recomputation from the raw rows.
    expect(
      rows(
        db,
        `SELECT y.period, y.activity_id FROM community_activity_periods y WHERE y.sessions <> (SELECT COUNT(*) FROM community_sessions s
        WHERE s.activity_id = y.activity_id AND substr(s.date, 1, length(y.period)) = y.period)`,
      ),
    ).toEqual([]);
  });
});

describe('reference data', () => {
  it('maps every published spelling to one service, including the misspelt and renamed ones', () => {
    expect(PUBLISHED_SERVICE_ALIASES['CSM BORGIO RENO']).toBe('CSM-BORGO-RENO');
    expect(PUBLISHED_SERVICE_ALIASES['CSM SAVENA IDICE - EX. S. LAZZARO']).toBe('CSM-SAVENA-IDICE');
    expect(PUBLISHED_SERVICE_ALIASES['CSM SAVENA IDICE - EX SAN LAZZARO']).toBe('CSM-SAVENA-IDICE');
    for (const row of publishedRows()) expect(PUBLISHED_SERVICE_ALIASES[row.service], row.service).toBeDefined();
  });

  it('is idempotent and leaves the database without accounts', () => {
    const db = openMemoryDb();
    expect(isDatabaseEmpty(db)).toBe(true);
    seedReferenceData(db);
    const counts = () =>
      rows(
        db,
        `SELECT (SELECT COUNT(*) FROM districts) d, (SELECT COUNT(*) FROM services) s, (SELECT COUNT(*) FROM service_aliases) a,
      (SELECT COUNT(*) FROM cooperatives) c, (SELECT COUNT(*) FROM lots) l, (SELECT COUNT(*) FROM lot_cooperatives) lc`,
      );
    const first = counts();
    seedReferenceData(db);
    expect(counts()).toEqual(first);
    expect(first).toEqual([{ d: 6, s: 22, a: 17, c: 24, l: 4, lc: 35 }]);
    expect(isDatabaseEmpty(db)).toBe(true);
    const alias = rows<{ code: string; district: string }>(
      db,
      `SELECT s.code, d.name AS district FROM service_aliases a
      JOIN services s ON s.id = a.service_id JOIN districts d ON d.id = s.district_id WHERE a.alias = 'CSM SAVENA IDICE - EX SAN LAZZARO'`,
    );
    expect(alias).toEqual([{ code: 'CSM-SAVENA-IDICE', district: 'Savena Idice' }]);
  });

  it('describes the four lots of the 2024 framework with their cooperatives and rates', () => {
    const db = openMemoryDb();
    seedReferenceData(db);
    const lots = rows<{ number: number; members: number; rate: number; kinds: string; fictional: number }>(
      db,
      `SELECT l.number,
      COUNT(lc.cooperative_id) AS members, l.hourly_rate_cents AS rate, l.service_kinds AS kinds, MIN(c.name LIKE '%(demo)') AS fictional
      FROM lots l JOIN lot_cooperatives lc ON lc.lot_id = l.id JOIN cooperatives c ON c.id = lc.cooperative_id
      WHERE l.tender_year = 2024 GROUP BY l.id ORDER BY l.number`,
    );
    expect(lots.map((lot) => [lot.number, lot.members, JSON.parse(lot.kinds)])).toEqual([
      [1, 14, ['CSM', 'NPIA']],
      [2, 9, ['SerDP']],
      [3, 6, ['CSM']],
      [4, 6, ['CSM', 'NPIA', 'SerDP']],
    ]);
    for (const lot of lots) {
      expect(lot.rate).toBeGreaterThanOrEqual(2000);
      expect(lot.rate).toBeLessThanOrEqual(4100);
      expect(lot.fictional).toBe(1);
    }
  });
});
