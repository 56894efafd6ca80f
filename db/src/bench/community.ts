// Writes Lot 4's community activities in proportion to the tier (one activity per twenty projects,
// one session per twenty interventions: tier L has 50,000 and 2.5M), with enrolled projects,
// attendances, the sessions' part of each month and every summary that matches them.
import type Database from 'better-sqlite3';
import { addDays, amountCentsOf, type Axis } from '@bds/shared';
import type { Random } from '../seed/random.ts';
import { BENCH_TODAY } from './plan.ts';
import type { Timer } from './timer.ts';

const AXES: readonly Axis[] = ['habitat', 'sociality', 'work'];
/** The stored key of the community activities' part of a month (server/src/monthly-reports/parts.ts). */
const COMMUNITY_PART_KEY = -2;
const CURRENT_MONTH = BENCH_TODAY.slice(0, 7);

export function writeCommunityActivities(
  client: Database.Database,
  random: Random,
  timer: Timer,
  size: { activities: number; sessions: number },
): void {
  const lot = client.prepare('SELECT id, hourly_rate_cents AS rate FROM lots WHERE number = 4 ORDER BY tender_year DESC').get() as
    { id: number; rate: number } | undefined;
  if (!lot || size.activities === 0) return;
  const cooperatives = (
    client.prepare('SELECT cooperative_id AS id FROM lot_cooperatives WHERE lot_id = ? ORDER BY cooperative_id').all(lot.id) as {
      id: number;
    }[]
  ).map((r) => r.id);
  const districts = (client.prepare('SELECT id FROM districts ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  // Active projects to enrol, in a window sampled per activity.
  const projects = client.prepare("SELECT id, person_id AS personId FROM ptris WHERE status = 'active' ORDER BY id").all() as {
    id: number;
    personId: number;
  }[];
  const perActivity = Math.max(1, Math.round(size.sessions / size.activities));
  const insertActivity = client.prepare(`INSERT INTO community_activities
    (title, axis, district_id, place, cooperative_id, lot_id, from_date, to_date, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)`);
  const insertEnrolment = client.prepare(
    'INSERT OR IGNORE INTO community_enrolments (activity_id, ptri_id, person_id, enrolled_on, ended_on, enrolled_by) VALUES (?, ?, ?, ?, NULL, NULL)',
  );
  const insertSession = client.prepare(`INSERT INTO community_sessions
    (activity_id, cooperative_id, lot_id, date, month, minutes, operators, billed_minutes, amount_cents, other_participants, volunteers, note, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`);
  const insertAttendance = client.prepare('INSERT INTO community_attendances (session_id, ptri_id, person_id) VALUES (?, ?, ?)');

  timer.time(
    'community activities, enrolments, sessions, attendances',
    () =>
      client.transaction(() => {
        let sessions = 0;
        for (let a = 0; a < size.activities; a++) {
          // Weekly sessions up to today: the activity began as many weeks ago as it has sessions.
          const from = addDays(BENCH_TODAY, -7 * (perActivity - 1));
          const cooperativeId = cooperatives[a % cooperatives.length] as number;
          const activityId = Number(
            insertActivity.run(
              `Attività ${a + 1}`,
              AXES[a % 3],
              districts[a % districts.length],
              `Luogo ${a + 1}`,
              cooperativeId,
              lot.id,
              from,
              `${from}T09:00:00.000Z`,
            ).lastInsertRowid,
          );
          const enrolled = projects.length
            ? random.sample(projects.slice(random.int(0, Math.max(0, projects.length - 50))).slice(0, 50), 4)
            : [];
          for (const p of enrolled) insertEnrolment.run(activityId, p.id, p.personId, from);
          for (let s = 0; s < perActivity && sessions < size.sessions; s++, sessions++) {
            const date = addDays(from, 7 * s);
            const minutes = random.pick([90, 120, 180]);
            const operators = random.chance(0.3) ? 2 : 1;
            const sessionId = Number(
              insertSession.run(
                activityId,
                cooperativeId,
                lot.id,
                date,
                date.slice(0, 7),
                minutes,
                operators,
                minutes * operators,
                amountCentsOf(minutes * operators, lot.rate),
                random.int(2, 12),
                random.int(0, 3),
                `${date}T18:00:00.000Z`,
              ).lastInsertRowid,
            );
            for (const p of enrolled) if (random.chance(0.4)) insertAttendance.run(sessionId, p.id, p.personId);
          }
        }
        return sessions;
      })(),
    (n) => n,
  );

  timer.time(
    'community summaries + month parts',
    () => {
      let rows = 0;
      for (const period of ['substr(s.date, 1, 4)', 's.month']) {
        rows += client
          .prepare(
            `INSERT INTO community_activity_periods (period, activity_id, sessions, minutes, billed_minutes, amount_cents, attendances, other_participants, volunteers)
          SELECT ${period}, s.activity_id, COUNT(*), SUM(s.minutes), SUM(s.billed_minutes), SUM(s.amount_cents),
            SUM((SELECT COUNT(*) FROM community_attendances t WHERE t.session_id = s.id)), SUM(s.other_participants), SUM(s.volunteers)
          FROM community_sessions s GROUP BY 1, 2`,
          )
          .run().changes;
        rows += client
          .prepare(
            `INSERT INTO community_activity_period_persons (period, activity_id, person_id, attendances)
          SELECT ${period}, s.activity_id, t.person_id, COUNT(*) FROM community_attendances t JOIN community_sessions s ON s.id = t.session_id GROUP BY 1, 2, 3`,
          )
          .run().changes;
      }
      // Migration 0125's distinct persons per group of activities, filled as its backfill does (the triggers are set aside).
      rows += client
        .prepare(
          `INSERT INTO community_scope_persons (period, person_id, kind, group_id, cooperative_id, axis, activities)
          SELECT p.period, p.person_id, s.kind, s.group_id, s.cooperative_id, s.axis, COUNT(*)
          FROM community_activity_period_persons p JOIN community_activity_scopes s ON s.activity_id = p.activity_id GROUP BY 1, 2, 3, 4, 5, 6`,
        )
        .run().changes;
      rows += client
        .prepare(
          `INSERT INTO community_scope_counts (period, kind, group_id, cooperative_id, axis, persons)
          SELECT period, kind, group_id, cooperative_id, axis, COUNT(*) FROM community_scope_persons GROUP BY 1, 2, 3, 4, 5`,
        )
        .run().changes;
      // Past months' sessions validated by a manager; the current month's still open.
      rows += client
        .prepare(
          `INSERT OR IGNORE INTO monthly_report_parts (cooperative_id, month, service_id, status, reviewed_at, reviewed_by, note)
        SELECT DISTINCT cooperative_id, month, ?, 'validated', month || '-20T10:00:00.000Z', NULL, NULL FROM community_sessions WHERE month < ?`,
        )
        .run(COMMUNITY_PART_KEY, CURRENT_MONTH).changes;
      rows += client
        .prepare(
          `INSERT OR IGNORE INTO monthly_reports (cooperative_id, month, status, submitted_at, submitted_by, reviewed_at, reviewed_by, note)
        SELECT cooperative_id, month, 'validated', month || '-05T09:00:00.000Z', NULL, NULL, NULL, NULL FROM monthly_report_parts WHERE service_id = ?`,
        )
        .run(COMMUNITY_PART_KEY).changes;
      rows += client
        .prepare(
          `INSERT INTO lot_month_totals (lot_id, cooperative_id, month, service_id, status, minutes, amount_cents, interventions)
        SELECT lot_id, cooperative_id, month, ?, CASE WHEN month < ? THEN 'validated' ELSE 'open' END, SUM(billed_minutes), SUM(amount_cents), COUNT(*)
        FROM community_sessions GROUP BY lot_id, cooperative_id, month`,
        )
        .run(COMMUNITY_PART_KEY, CURRENT_MONTH).changes;
      return rows;
    },
    (n) => n,
  );
}
