// Writes the cooperatives' work: interventions in every month of every active project, the
// months submitted, validated or returned, and the summary tables that match them exactly.
import type Database from 'better-sqlite3';
import { amountCentsOf, type Axis, type MonthStatus } from '@bds/shared';
import type { Random } from '../seed/random.ts';
import { BENCH_TODAY, dayInMonth, monthText } from './plan.ts';
import type { StoredProject } from './projects.ts';
import type { Timer } from './timer.ts';

const AXES: readonly Axis[] = ['habitat', 'sociality', 'work'];
const MINUTES = [60, 90, 120, 120, 180, 240] as const;
const ROLES = ['educatore', 'operatore socio-sanitario', 'tutor', 'educatore'] as const;
const TODAY_MONTH = Number(BENCH_TODAY.slice(0, 4)) * 12 + Number(BENCH_TODAY.slice(5, 7)) - 1;

interface Totals {
  lotId: number;
  cooperativeId: number;
  month: string;
  serviceId: number;
  minutes: number;
  amountCents: number;
  count: number;
}

/** A part's status: the current month is open, the last two mostly awaiting review, older ones mostly validated. */
function partStatus(random: Random, month: number): MonthStatus {
  const age = TODAY_MONTH - month;
  if (age <= 0) return 'open';
  const roll = random.next();
  if (age <= 2) return roll < 0.55 ? 'submitted' : roll < 0.9 ? 'validated' : 'returned';
  return roll < 0.95 ? 'validated' : roll < 0.98 ? 'returned' : 'submitted';
}

function monthStatusOf(parts: readonly MonthStatus[]): MonthStatus {
  if (parts.includes('returned')) return 'returned';
  return parts.every((status) => status === 'validated') ? 'validated' : 'submitted';
}

export function writeWork(
  client: Database.Database,
  random: Random,
  timer: Timer,
  projects: readonly StoredProject[],
  target: number,
): void {
  const activeMonths = projects.reduce((sum, p) => sum + Math.max(0, p.lastMonth - p.firstMonth + 1), 0);
  const perMonth = target / Math.max(1, activeMonths);
  const whole = Math.floor(perMonth);
  const fraction = perMonth - whole;
  const activities = new Map<Axis, number[]>(AXES.map((axis) => [axis, []]));
  for (const row of client.prepare('SELECT id, axis FROM activities WHERE active = 1 ORDER BY id').all() as { id: number; axis: Axis }[]) {
    activities.get(row.axis)?.push(row.id);
  }
  const totals = new Map<string, Totals>();
  client.exec(
    'CREATE TABLE bench_activity_stage (period TEXT, lot_id INT, cooperative_id INT, ptri_id INT, person_id INT, service_id INT, n INT)',
  );
  const insertIntervention =
    client.prepare(`INSERT INTO interventions (ptri_id, cooperative_id, lot_id, service_id, date, month, axis, activity_id,
    minutes, amount_cents, operator_role, notes, created_by, created_at, updated_at, upload_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, NULL)`);
  const stage = client.prepare('INSERT INTO bench_activity_stage VALUES (?, ?, ?, ?, ?, ?, ?)');

  timer.time(
    'interventions (+ activity staging)',
    () =>
      client.transaction(() => {
        let written = 0;
        for (const p of projects) {
          const perCoopYear = new Map<string, number>();
          for (let month = p.firstMonth; month <= p.lastMonth; month++) {
            const count = whole + (random.next() < fraction ? 1 : 0);
            const monthKey = monthText(month);
            const perCoop = new Map<number, number>();
            for (let i = 0; i < count; i++) {
              const cooperativeId = p.cooperativeIds.length === 1 ? (p.cooperativeIds[0] as number) : random.pick(p.cooperativeIds);
              const axis = random.pick(AXES);
              const minutes = random.pick(MINUTES);
              const amountCents = amountCentsOf(minutes, p.lot.rateCents);
              const date = dayInMonth(random, p, month);
              insertIntervention.run(
                p.id,
                cooperativeId,
                p.lot.id,
                p.serviceId,
                date,
                monthKey,
                axis,
                random.pick(activities.get(axis) ?? []),
                minutes,
                amountCents,
                random.pick(ROLES),
                `${date}T17:00:00.000Z`,
              );
              const key = `${monthKey}|${p.lot.id}|${cooperativeId}|${p.serviceId}`;
              const t = totals.get(key);
              if (t) {
                t.minutes += minutes;
                t.amountCents += amountCents;
                t.count++;
              } else
                totals.set(key, {
                  lotId: p.lot.id,
                  cooperativeId,
                  month: monthKey,
                  serviceId: p.serviceId,
                  minutes,
                  amountCents,
                  count: 1,
                });
              perCoop.set(cooperativeId, (perCoop.get(cooperativeId) ?? 0) + 1);
            }
            for (const [cooperativeId, n] of perCoop) {
              stage.run(monthKey, p.lot.id, cooperativeId, p.id, p.personId, p.serviceId, n);
              const yearKey = `${monthKey.slice(0, 4)}|${cooperativeId}`;
              perCoopYear.set(yearKey, (perCoopYear.get(yearKey) ?? 0) + n);
            }
            written += count;
          }
          for (const [key, n] of perCoopYear) {
            const [year, cooperativeId] = key.split('|');
            stage.run(year, p.lot.id, Number(cooperativeId), p.id, p.personId, p.serviceId, n);
          }
        }
        return written;
      })(),
    (n) => n,
  );

  timer.time(
    'ptri_activity_periods (sorted copy)',
    () => {
      const result = client
        .prepare(
          `INSERT INTO ptri_activity_periods (period, lot_id, cooperative_id, ptri_id, person_id, service_id, interventions)
      SELECT period, lot_id, cooperative_id, ptri_id, person_id, service_id, n FROM bench_activity_stage
      ORDER BY period, lot_id, cooperative_id, ptri_id`,
        )
        .run();
      client.exec('DROP TABLE bench_activity_stage');
      return result.changes;
    },
    (n) => n,
  );

  const parts = new Map<string, MonthStatus>();
  const sortedTotals = [...totals.values()].sort((a, b) =>
    a.month < b.month ? -1 : a.month > b.month ? 1 : a.cooperativeId - b.cooperativeId,
  );
  for (const t of sortedTotals) {
    const key = `${t.cooperativeId}|${t.month}|${t.serviceId}`;
    if (!parts.has(key)) parts.set(key, partStatus(random, Number(t.month.slice(0, 4)) * 12 + Number(t.month.slice(5, 7)) - 1));
  }
  timer.time(
    'monthly_reports + monthly_report_parts',
    () =>
      client.transaction(() => {
        const insertPart =
          client.prepare(`INSERT INTO monthly_report_parts (cooperative_id, month, service_id, status, reviewed_at, reviewed_by, note)
      VALUES (?, ?, ?, ?, ?, NULL, ?)`);
        const insertMonth =
          client.prepare(`INSERT INTO monthly_reports (cooperative_id, month, status, submitted_at, submitted_by, reviewed_at, reviewed_by, note)
      VALUES (?, ?, ?, ?, NULL, ?, NULL, NULL)`);
        const months = new Map<string, MonthStatus[]>();
        for (const [key, status] of parts) {
          if (status === 'open') continue;
          const [cooperativeId, month, serviceId] = key.split('|');
          const reviewed = status === 'submitted' ? null : `${month}-28T12:00:00.000Z`;
          insertPart.run(
            Number(cooperativeId),
            month,
            Number(serviceId),
            status,
            reviewed,
            status === 'returned' ? 'Ore da ricontrollare' : null,
          );
          const monthKey = `${cooperativeId}|${month}`;
          months.set(monthKey, [...(months.get(monthKey) ?? []), status]);
        }
        for (const [key, statuses] of months) {
          const [cooperativeId, month] = key.split('|');
          const status = monthStatusOf(statuses);
          insertMonth.run(
            Number(cooperativeId),
            month,
            status,
            `${month}-28T09:00:00.000Z`,
            status === 'submitted' ? null : `${month}-28T12:00:00.000Z`,
          );
        }
        return parts.size + months.size;
      })(),
    (n) => n,
  );

  timer.time(
    'lot_month_totals',
    () =>
      client.transaction(() => {
        const insert =
          client.prepare(`INSERT INTO lot_month_totals (lot_id, cooperative_id, month, service_id, status, minutes, amount_cents, interventions)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
        for (const t of sortedTotals) {
          const status = parts.get(`${t.cooperativeId}|${t.month}|${t.serviceId}`) ?? 'open';
          insert.run(t.lotId, t.cooperativeId, t.month, t.serviceId, status, t.minutes, t.amountCents, t.count);
        }
        return sortedTotals.length;
      })(),
    (n) => n,
  );
}
