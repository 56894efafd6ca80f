// Demo community activities of Lot 4 (PACo): twenty workshops, groups and courses over the three
// axes in every district, with weekly sessions, persons with an active project enrolled in them,
// and neighbours without a project counted at each session. Rows are written with prepared
// statements; the yearly summaries are then rebuilt from the raw rows, as the server keeps them.
import { addDays, amountCentsOf, minDate, type Axis } from '@bds/shared';
import type { Db } from '../connection.ts';
import { TODAY } from './dates.ts';
import { createRandom } from './random.ts';
import { CURRENT_TENDER, LOTS, PREVIOUS_TENDER } from './reference-data.ts';

/** A seed of its own, so the activities do not shift the rest of the demo data. */
const SEED = 20261117;
const LOT = 4;

const ACTIVITIES: [title: string, axis: Axis, district: string, place: string][] = [
  ['Laboratorio di cucina di quartiere', 'sociality', 'BOLOGNA', 'Casa di quartiere Villa Paradiso'],
  ['Coro «Voci insieme»', 'sociality', 'BOLOGNA', 'Centro civico Lame'],
  ['Orto condiviso del Navile', 'work', 'BOLOGNA', 'Orti comunali via Erbosa'],
  ['Ciclofficina sociale', 'work', 'BOLOGNA', 'Ex mercato Navile'],
  ['Gruppo di cammino', 'sociality', 'BOLOGNA', 'Giardini Margherita'],
  ['Sportello casa e bollette', 'habitat', 'BOLOGNA', 'Biblioteca Corticella'],
  ['Teatro di comunità', 'sociality', 'RENO-LAVINO-SAMOGGIA', 'Teatro parrocchiale di Casalecchio'],
  ['Laboratorio di falegnameria', 'work', 'RENO-LAVINO-SAMOGGIA', 'Capannone comunale di Zola Predosa'],
  ['Abitare insieme: gruppo inquilini', 'habitat', 'RENO-LAVINO-SAMOGGIA', 'Sala civica di Sasso Marconi'],
  ['Sentieri dell’Appennino', 'sociality', 'APPENNINO', 'Pro loco di Porretta'],
  ['Bottega del riuso', 'work', 'APPENNINO', 'Magazzino comunale di Vergato'],
  ['Cura della casa e del giardino', 'habitat', 'APPENNINO', 'Centro sociale di Castiglione'],
  ['Laboratorio di ceramica', 'sociality', 'PIANURA-EST', 'Centro culturale di Budrio'],
  ['Corso di informatica di base', 'work', 'PIANURA-EST', 'Biblioteca di San Lazzaro'],
  ['Condominio solidale', 'habitat', 'PIANURA-EST', 'Sala di comunità di Molinella'],
  ['Squadra di calcetto «Tutti in campo»', 'sociality', 'PIANURA-OVEST', 'Palestra di San Giovanni in Persiceto'],
  ['Laboratorio di sartoria', 'work', 'PIANURA-OVEST', 'Centro giovani di Crevalcore'],
  ['Gruppo di auto mutuo aiuto sull’abitare', 'habitat', 'PIANURA-OVEST', 'Casa del volontariato di Sala Bolognese'],
  ['Musica d’insieme', 'sociality', 'SAVENA-IDICE', 'Scuola di musica di Pianoro'],
  ['Mercatino a km zero', 'work', 'SAVENA-IDICE', 'Piazza di Ozzano'],
];

const NOTES = ['Buona partecipazione', 'Pioggia: attività al chiuso', 'Presente un nuovo volontario', 'Uscita sul territorio'];

interface Project {
  id: number;
  personId: number;
  activatedOn: string;
  endedOn: string | null;
  lastDay: string;
}

/** The stored key of the community activities' part of a month (server/src/monthly-reports/parts.ts). */
const COMMUNITY_PART_KEY = -2;
/** The first month the demo's cooperatives have not yet reported: its sessions stay open. */
const FIRST_OPEN_MONTH = '2026-10';

/**
 * The sessions' part of each cooperative month, reviewed by the manager: submitted while the rest
 * of the month awaits its review, validated otherwise; months a Lot 4 cooperative reports only
 * sessions for are validated up to the last reported month. Then the sessions' hours join the
 * lot's month totals (triggers carry them into the year's).
 */
function writeCommunityMonths(db: Db) {
  const c = db.$client;
  const manager = (c.prepare("SELECT id FROM users WHERE username = 'manager'").get() as { id: number } | undefined)?.id ?? null;
  c.prepare(
    `INSERT INTO monthly_report_parts (cooperative_id, month, service_id, status, reviewed_at, reviewed_by, note)
    SELECT m.cooperative_id, m.month, :key, m.status, CASE m.status WHEN 'validated' THEN m.month || '-20T10:00:00.000Z' END,
      CASE m.status WHEN 'validated' THEN :manager END, NULL
    FROM (SELECT DISTINCT s.cooperative_id, s.month,
        CASE WHEN r.status = 'submitted' THEN 'submitted' WHEN r.status IS NOT NULL THEN 'validated'
          WHEN s.month < :firstOpen AND NOT EXISTS (SELECT 1 FROM interventions i WHERE i.cooperative_id = s.cooperative_id AND i.month = s.month)
          THEN 'validated' END AS status
      FROM community_sessions s LEFT JOIN monthly_reports r ON r.cooperative_id = s.cooperative_id AND r.month = s.month) m
    WHERE m.status IS NOT NULL`,
  ).run({ key: COMMUNITY_PART_KEY, manager, firstOpen: FIRST_OPEN_MONTH });
  c.prepare(
    `INSERT OR IGNORE INTO monthly_reports (cooperative_id, month, status, submitted_at, submitted_by, reviewed_at, reviewed_by, note)
    SELECT p.cooperative_id, p.month, 'validated', p.month || '-05T09:00:00.000Z', NULL, NULL, NULL, NULL
    FROM monthly_report_parts p WHERE p.service_id = :key`,
  ).run({ key: COMMUNITY_PART_KEY });
  c.prepare(
    `INSERT INTO lot_month_totals (lot_id, cooperative_id, month, service_id, status, minutes, amount_cents, interventions)
    SELECT s.lot_id, s.cooperative_id, s.month, :key, COALESCE(p.status, 'open'), SUM(s.billed_minutes), SUM(s.amount_cents), COUNT(*)
    FROM community_sessions s LEFT JOIN monthly_report_parts p ON p.cooperative_id = s.cooperative_id AND p.month = s.month AND p.service_id = :key
    GROUP BY s.lot_id, s.cooperative_id, s.month`,
  ).run({ key: COMMUNITY_PART_KEY });
}

export interface CommunitySummary {
  activities: number;
  sessions: number;
  enrolments: number;
}

export function seedCommunityActivities(db: Db): CommunitySummary {
  const random = createRandom(SEED);
  const client = db.$client;
  const lot = LOTS.find((candidate) => candidate.number === LOT);
  if (!lot) throw new Error('demo data: Lot 4 missing');
  const lotId = (year: number) =>
    (client.prepare('SELECT id FROM lots WHERE number = ? AND tender_year = ?').get(LOT, year) as { id: number } | undefined)?.id;
  const cooperativeId = (name: string) => (client.prepare('SELECT id FROM cooperatives WHERE name = ?').get(name) as { id: number }).id;
  const districtId = (code: string) => (client.prepare('SELECT id FROM districts WHERE code = ?').get(code) as { id: number }).id;
  // Projects (any lot) of the services of a district in care while the activity runs: whom a case
  // manager could have enrolled; an enrolment ends with its project.
  const projectsOfDistrict = client.prepare(`
    SELECT p.id, p.person_id AS personId, p.activated_on AS activatedOn, p.ended_on AS endedOn, COALESCE(p.ended_on, :today) AS lastDay
    FROM ptris p JOIN services s ON s.id = p.service_id
    WHERE s.district_id = :district AND p.activated_on IS NOT NULL AND p.activated_on <= :last
      AND COALESCE(p.ended_on, :today) >= :from ORDER BY p.id`);
  const caseManagerOf = client.prepare('SELECT case_manager_id AS id FROM ptris WHERE id = ?');
  const insertActivity = client.prepare(`INSERT INTO community_activities
    (title, axis, district_id, place, cooperative_id, lot_id, from_date, to_date, description, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEnrolment =
    client.prepare(`INSERT INTO community_enrolments (activity_id, ptri_id, person_id, enrolled_on, ended_on, enrolled_by)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const insertSession = client.prepare(`INSERT INTO community_sessions
    (activity_id, cooperative_id, lot_id, date, month, minutes, operators, billed_minutes, amount_cents, other_participants, volunteers, note, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertAttendance = client.prepare('INSERT INTO community_attendances (session_id, ptri_id, person_id) VALUES (?, ?, ?)');

  const summary: CommunitySummary = { activities: 0, sessions: 0, enrolments: 0 };
  client.transaction(() => {
    ACTIVITIES.forEach(([title, axis, district, place], index) => {
      const from = addDays('2024-01-08', 7 * random.int(0, 80));
      const to = random.chance(0.25) ? minDate(addDays(from, 7 * random.int(20, 60)), '2026-12-31') : null;
      const tender = from < CURRENT_TENDER.start ? PREVIOUS_TENDER : CURRENT_TENDER;
      const activityLot = lotId(tender.year);
      if (!activityLot) throw new Error(`demo data: Lot 4 of the ${tender.year} tender missing`);
      const coop = cooperativeId(lot.cooperatives[index % lot.cooperatives.length]!);
      const activityId = Number(
        insertActivity.run(
          title,
          axis,
          districtId(district),
          place,
          coop,
          activityLot,
          from,
          to,
          `${title}: un incontro a settimana, aperto al quartiere.`,
          `${from}T09:00:00.000Z`,
        ).lastInsertRowid,
      );
      summary.activities += 1;

      const last = minDate(to ?? TODAY, TODAY);
      const candidates = projectsOfDistrict.all({ district: districtId(district), today: TODAY, from, last }) as Project[];
      const enrolled = random.sample(candidates, Math.min(candidates.length, random.int(4, 10))).map((project) => {
        const enrolledOn = project.activatedOn > from ? project.activatedOn : from;
        const enrolledBy = (caseManagerOf.get(project.id) as { id: number | null }).id;
        insertEnrolment.run(activityId, project.id, project.personId, enrolledOn, project.endedOn, enrolledBy);
        summary.enrolments += 1;
        return { ...project, enrolledOn };
      });

      const minutes = random.pick([90, 120, 120, 180]);
      for (let date = from; date <= last; date = addDays(date, 7)) {
        // No sessions in August, and now and then a week off.
        if (date.slice(5, 7) === '08' || random.chance(0.1)) continue;
        const operators = random.chance(0.3) ? 2 : 1;
        const billed = minutes * operators;
        const sessionId = Number(
          insertSession.run(
            activityId,
            coop,
            activityLot,
            date,
            date.slice(0, 7),
            minutes,
            operators,
            billed,
            amountCentsOf(billed, lot.hourlyRateCents),
            random.int(2, 12),
            random.int(0, 3),
            random.chance(0.15) ? random.pick(NOTES) : null,
            `${date}T18:00:00.000Z`,
          ).lastInsertRowid,
        );
        summary.sessions += 1;
        for (const project of enrolled) {
          if (date >= project.enrolledOn && date <= project.lastDay && random.chance(0.7))
            insertAttendance.run(sessionId, project.id, project.personId);
        }
      }
    });
    writeCommunityMonths(db);
    // The year and month summaries the server keeps with every session, rebuilt from the raw rows.
    for (const period of ['substr(s.date, 1, 4)', 's.month']) {
      client.exec(`
        INSERT INTO community_activity_periods (period, activity_id, sessions, minutes, billed_minutes, amount_cents, attendances, other_participants, volunteers)
        SELECT ${period}, s.activity_id, COUNT(*), SUM(s.minutes), SUM(s.billed_minutes), SUM(s.amount_cents),
          SUM((SELECT COUNT(*) FROM community_attendances t WHERE t.session_id = s.id)), SUM(s.other_participants), SUM(s.volunteers)
        FROM community_sessions s GROUP BY 1, 2;
        INSERT INTO community_activity_period_persons (period, activity_id, person_id, attendances)
        SELECT ${period}, s.activity_id, t.person_id, COUNT(*)
        FROM community_attendances t JOIN community_sessions s ON s.id = t.session_id GROUP BY 1, 2, 3;`);
    }
  })();
  return summary;
}
