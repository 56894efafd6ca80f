// Demo interventions: about two years of work by the lots' cooperatives on the projects assigned
// to them, with months submitted, validated, returned and still open. Rows are written with
// prepared statements; the summary tables (lot_month_totals, ptri_activity_periods) are then
// rebuilt in bulk from the raw rows, one INSERT … SELECT per table, as the server would have kept them.
import { amountCentsOf, type Axis, type Intensity } from '@bds/shared';
import type { Db } from '../connection.ts';
import { addDays, addMonths, daysBetween } from '@bds/shared';
import { TODAY } from './dates.ts';
import { createRandom, type Random } from './random.ts';

/** A seed of its own, so adding interventions does not shift the rest of the demo data. */
const SEED = 20261116;
const FIRST_MONTH = '2025-01';
const MONTHLY_VISITS: Record<Intensity, [number, number]> = { high: [6, 10], medium: [3, 6], low: [1, 3] };
const OPERATOR_ROLES = ['Educatore professionale', 'Operatore socio-sanitario', 'Tutor di inserimento', 'Educatore'];
const RETURN_NOTES = [
  'Ore del mese superiori al piano: chiarire',
  'Attività non coerente con gli obiettivi del progetto',
  'Manca la nota su due interventi',
];

interface ProjectRow {
  id: number;
  personId: number;
  serviceId: number;
  lotId: number;
  intensity: Intensity;
  activatedOn: string;
  lastDay: string;
  rateCents: number;
}

/** Suspension intervals [from, to) of every project, from its transitions. */
function suspensions(db: Db): Map<number, { from: string; to: string | null }[]> {
  const rows = db.$client
    .prepare(
      'SELECT ptri_id AS ptriId, from_status AS fromStatus, to_status AS toStatus, effective_date AS date FROM ptri_transitions ORDER BY id',
    )
    .all() as { ptriId: number; fromStatus: string; toStatus: string; date: string }[];
  const result = new Map<number, { from: string; to: string | null }[]>();
  for (const row of rows) {
    const list = result.get(row.ptriId) ?? [];
    if (row.toStatus === 'suspended') list.push({ from: row.date, to: null });
    else if (row.fromStatus === 'suspended' && list.at(-1)?.to === null) list.at(-1)!.to = row.date;
    result.set(row.ptriId, list);
  }
  return result;
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let day = `${first}-01`; day.slice(0, 7) <= last; day = addMonths(day, 1)) months.push(day.slice(0, 7));
  return months;
}

/** The fate of a cooperative's month as of TODAY: the older, the more likely it is validated. */
function monthFate(random: Random, month: string): 'open' | 'submitted' | 'validated' | 'returned' {
  const age = daysBetween(`${month}-01`, TODAY);
  if (age < 31) return 'open';
  if (age < 62)
    return random.weighted([
      ['open', 3],
      ['submitted', 5],
      ['validated', 1],
    ] as const);
  return random.weighted([
    ['validated', 97],
    ['returned', 0.7],
    ['submitted', 2.3],
  ] as const);
}

export function seedInterventions(db: Db): { interventions: number } {
  const c = db.$client;
  const random = createRandom(SEED);
  const projects = c
    .prepare(
      `SELECT p.id, p.person_id AS personId, p.service_id AS serviceId, p.lot_id AS lotId, p.intensity,
      p.activated_on AS activatedOn, MIN(COALESCE(p.ended_on, p.end_date), ?) AS lastDay, l.hourly_rate_cents AS rateCents
    FROM ptris p JOIN lots l ON l.id = p.lot_id
    WHERE p.activated_on IS NOT NULL AND COALESCE(p.ended_on, p.end_date) >= ? AND l.hourly_rate_cents IS NOT NULL ORDER BY p.id`,
    )
    .all(TODAY, `${FIRST_MONTH}-01`) as ProjectRow[];
  const cooperativesOf = c.prepare('SELECT cooperative_id AS id FROM ptri_cooperatives WHERE ptri_id = ? ORDER BY cooperative_id');
  const axesOf = c.prepare('SELECT DISTINCT axis FROM goals WHERE ptri_id = ? ORDER BY axis');
  const activities = c.prepare('SELECT id, axis FROM activities WHERE active = 1 ORDER BY id').all() as { id: number; axis: Axis }[];
  const coopUsers = new Map(
    (
      c.prepare("SELECT cooperative_id AS coop, MIN(id) AS id FROM users WHERE role = 'cooperative' GROUP BY cooperative_id").all() as {
        coop: number;
        id: number;
      }[]
    ).map((r) => [r.coop, r.id]),
  );
  const reviewers = new Map(
    (
      c.prepare("SELECT service_id AS service, MIN(id) AS id FROM users WHERE role = 'case_manager' GROUP BY service_id").all() as {
        service: number;
        id: number;
      }[]
    ).map((r) => [r.service, r.id]),
  );
  const suspended = suspensions(db);
  const insert = c.prepare(`INSERT INTO interventions (ptri_id, cooperative_id, lot_id, service_id, date, month, axis, activity_id, minutes,
    amount_cents, operator_role, notes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);
  const parts = new Set<string>();
  let count = 0;

  c.transaction(() => {
    for (const project of projects) {
      const axes = (axesOf.all(project.id) as { axis: Axis }[]).map((row) => row.axis);
      const intervals = suspended.get(project.id) ?? [];
      const first = project.activatedOn.slice(0, 7) > FIRST_MONTH ? project.activatedOn.slice(0, 7) : FIRST_MONTH;
      for (const { id: cooperativeId } of cooperativesOf.all(project.id) as { id: number }[]) {
        for (const month of monthsBetween(first, project.lastDay.slice(0, 7))) {
          const [min, max] = MONTHLY_VISITS[project.intensity];
          for (let visit = random.int(min, max); visit > 0; visit -= 1) {
            const date = addDays(`${month}-01`, random.int(0, 27));
            if (
              date < project.activatedOn ||
              date > project.lastDay ||
              intervals.some((s) => s.from <= date && (s.to === null || date < s.to))
            )
              continue;
            const axis = axes.length ? random.pick(axes) : 'sociality';
            const activity = random.pick(activities.filter((a) => a.axis === axis));
            const minutes = random.int(4, 14) * 15;
            insert.run(
              project.id,
              cooperativeId,
              project.lotId,
              project.serviceId,
              date,
              month,
              axis,
              activity.id,
              minutes,
              amountCentsOf(minutes, project.rateCents),
              random.pick(OPERATOR_ROLES),
              coopUsers.get(cooperativeId) ?? null,
              `${date}T18:00:00.000Z`,
            );
            parts.add(`${cooperativeId}|${month}|${project.serviceId}`);
            count += 1;
          }
        }
      }
    }
    writeMonths(db, random, [...parts].sort(), reviewers, coopUsers);
    rebuildSummaries(db);
    scoreEvaluations(db);
  })();
  return { interventions: count };
}

/** Month reports and their parts: each part gets a fate; the month follows its parts. */
function writeMonths(db: Db, random: Random, keys: string[], reviewers: Map<number, number>, coopUsers: Map<number, number>) {
  const c = db.$client;
  const insertPart = c.prepare(
    'INSERT INTO monthly_report_parts (cooperative_id, month, service_id, status, reviewed_at, reviewed_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertReport = c.prepare(
    'INSERT INTO monthly_reports (cooperative_id, month, status, submitted_at, submitted_by, reviewed_at, reviewed_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const months = new Map<string, { statuses: string[]; note: string | null }>();
  for (const key of keys) {
    const [coop, month, service] = key.split('|') as [string, string, string];
    const monthKey = `${coop}|${month}`;
    const entry = months.get(monthKey) ?? { statuses: [], note: null };
    // Whether the month was submitted at all is decided once; then each part has its own review.
    const submitted = entry.statuses.length ? entry.statuses[0] !== 'open' : monthFate(random, month) !== 'open';
    const partFate = monthFate(random, month);
    const fate = !submitted ? 'open' : partFate === 'open' ? 'submitted' : partFate;
    if (fate !== 'open') {
      const reviewed = fate === 'validated' || fate === 'returned';
      const note = fate === 'returned' ? random.pick(RETURN_NOTES) : null;
      if (note) entry.note = note;
      insertPart.run(
        Number(coop),
        month,
        Number(service),
        fate,
        reviewed ? `${addMonths(`${month}-01`, 1).slice(0, 8)}15T10:00:00.000Z` : null,
        reviewed ? (reviewers.get(Number(service)) ?? null) : null,
        note,
      );
    }
    entry.statuses.push(fate);
    months.set(monthKey, entry);
  }
  for (const [key, { statuses, note }] of months) {
    if (statuses.includes('open')) continue;
    const [coop, month] = key.split('|') as [string, string];
    const status = statuses.includes('returned') ? 'returned' : statuses.every((s) => s === 'validated') ? 'validated' : 'submitted';
    const submittedAt = `${addMonths(`${month}-01`, 1).slice(0, 8)}05T09:00:00.000Z`;
    insertReport.run(Number(coop), month, status, submittedAt, coopUsers.get(Number(coop)) ?? null, null, null, note);
  }
}

/** The summary tables recomputed from the raw rows: what the server keeps up to date write by write. */
export function rebuildSummaries(db: Db) {
  const c = db.$client;
  c.exec('DELETE FROM lot_month_totals; DELETE FROM ptri_activity_periods;');
  c.exec(`INSERT INTO lot_month_totals (lot_id, cooperative_id, month, service_id, status, minutes, amount_cents, interventions)
    SELECT i.lot_id, i.cooperative_id, i.month, i.service_id, COALESCE(p.status, 'open'), SUM(i.minutes), SUM(i.amount_cents), COUNT(*)
    FROM interventions i LEFT JOIN monthly_report_parts p ON p.cooperative_id = i.cooperative_id AND p.month = i.month AND p.service_id = i.service_id
    GROUP BY i.lot_id, i.cooperative_id, i.month, i.service_id`);
  c.exec(`INSERT INTO ptri_activity_periods (period, lot_id, cooperative_id, ptri_id, person_id, service_id, interventions)
    SELECT period, lot_id, cooperative_id, ptri_id, person_id, service_id, COUNT(*) FROM (
      SELECT i.month AS period, i.lot_id, i.cooperative_id, i.ptri_id, t.person_id, i.service_id FROM interventions i JOIN ptris t ON t.id = i.ptri_id
      UNION ALL
      SELECT substr(i.month, 1, 4), i.lot_id, i.cooperative_id, i.ptri_id, t.person_id, i.service_id FROM interventions i JOIN ptris t ON t.id = i.ptri_id)
    GROUP BY period, lot_id, cooperative_id, ptri_id`);
}

/** The demo evaluations' HoNOS scores as scale results, with the change since the previous one. */
function scoreEvaluations(db: Db) {
  db.$client.exec(`INSERT INTO evaluation_scores (evaluation_id, scale_id, items, problem_types, total, previous_total)
    SELECT e.id, s.id, json_extract(e.scores, '$.honos'), NULL, e.honos_total,
      LAG(e.honos_total) OVER (PARTITION BY e.ptri_id ORDER BY e.date, e.id)
    FROM evaluations e JOIN scales s ON s.code = 'honos'
    WHERE json_extract(e.scores, '$.honos') IS NOT NULL`);
}
