// Lot 3 flats of the benchmark: flats of 3–5 places over the districts, some run by the bench
// cooperative so its flat-level write can be measured, the Lot 3 projects' stays (never more than
// a flat's places) and one flat-level intervention a month, counted in the flats part of the month.
import type Database from 'better-sqlite3';
import { DEPARTMENT_PART_KEYS } from '@bds/shared';
import type { Random } from '../seed/random.ts';
import type { createTimer } from './timer.ts';

type Timer = ReturnType<typeof createTimer>;

const FIRST_MONTH = '2024-01';
const LAST_MONTH = '2026-10';

export function writeFlats(client: Database.Database, random: Random, timer: Timer, count: number, benchCooperativeId: number | null) {
  const lot = client.prepare('SELECT id, hourly_rate_cents AS rate FROM lots WHERE number = 3 ORDER BY tender_year DESC LIMIT 1').get() as
    { id: number; rate: number | null } | undefined;
  if (!lot || count === 0) return;
  const districts = (client.prepare('SELECT id FROM districts ORDER BY id').all() as { id: number }[]).map((d) => d.id);
  const members = (
    client.prepare('SELECT cooperative_id AS id FROM lot_cooperatives WHERE lot_id = ?').all(lot.id) as { id: number }[]
  ).map((m) => m.id);
  const runners = benchCooperativeId === null ? members : [benchCooperativeId, ...members];
  const flats: { id: number; places: number; cooperativeId: number }[] = [];
  timer.time(
    'flats',
    () =>
      client.transaction(() => {
        const insert = client.prepare(
          'INSERT INTO flats (name, district_id, address, places, lot_id, cooperative_id, opened_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        for (let i = 0; i < count; i++) {
          const places = random.int(3, 5);
          const cooperativeId = runners[i % runners.length]!;
          const id = Number(
            insert.run(`Appartamento ${i + 1}`, random.pick(districts), `Via Bench ${i + 1}`, places, lot.id, cooperativeId, '2023-01-01')
              .lastInsertRowid,
          );
          flats.push({ id, places, cooperativeId });
        }
        return count;
      })(),
    (n) => n,
  );
  timer.time(
    'flat_stays',
    () =>
      client.transaction(() => {
        const projects = client
          .prepare(
            `SELECT p.id, p.person_id AS personId, p.service_id AS serviceId, p.activated_on AS fromDate, p.ended_on AS toDate
             FROM ptris p JOIN lots l ON l.id = p.lot_id WHERE l.number = 3 AND p.activated_on IS NOT NULL ORDER BY p.id`,
          )
          .all() as { id: number; personId: number; serviceId: number; fromDate: string; toDate: string | null }[];
        const insert = client.prepare(
          'INSERT INTO flat_stays (flat_id, ptri_id, person_id, service_id, from_date, to_date, destination) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        // At most `places` projects per flat in all, so no day can overfill it.
        let n = 0;
        const capacity = flats.flatMap((flat) => Array.from({ length: flat.places }, () => flat.id));
        for (const project of projects) {
          const flatId = capacity[n];
          if (flatId === undefined) break;
          const destination = project.toDate ? random.pick(['own_home', 'family', 'supported_housing', 'residential']) : null;
          insert.run(flatId, project.id, project.personId, project.serviceId, project.fromDate, project.toDate, destination);
          n++;
        }
        return n;
      })(),
    (n) => n,
  );
  timer.time(
    'flat_interventions + lot_month_totals',
    () =>
      client.transaction(() => {
        const activity = (client.prepare("SELECT id FROM activities WHERE axis = 'habitat' ORDER BY id LIMIT 1").get() as { id: number })
          .id;
        const insert = client.prepare(
          `INSERT INTO flat_interventions (flat_id, cooperative_id, lot_id, date, month, activity_id, minutes, amount_cents, operator_role)
           VALUES (?, ?, ?, ?, ?, ?, 120, ?, 'educatore')`,
        );
        let n = 0;
        for (const flat of flats) {
          for (let month = FIRST_MONTH; month <= LAST_MONTH; month = nextMonth(month)) {
            insert.run(
              flat.id,
              flat.cooperativeId,
              lot.id,
              `${month}-${String(random.int(1, 28)).padStart(2, '0')}`,
              month,
              activity,
              2 * (lot.rate ?? 0),
            );
            n++;
          }
        }
        client
          .prepare(
            `INSERT INTO lot_month_totals (lot_id, cooperative_id, month, service_id, status, minutes, amount_cents, interventions)
             SELECT lot_id, cooperative_id, month, ?, 'open', SUM(minutes), SUM(amount_cents), COUNT(*) FROM flat_interventions GROUP BY 1, 2, 3`,
          )
          .run(DEPARTMENT_PART_KEYS.flats);
        return n;
      })(),
    (n) => n,
  );
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
