// Demo Lot 3 flats: eight flats of 3–5 places in several districts, run by the lot's executing
// member, with the Lot 3 persons' stays (entries on activation, exits with a destination when the
// project ended) and a weekly house meeting billed to the flat. Its own random sequence, after
// every project is written, so the other demo figures (the Lot 1 tables) do not move.
import { DEPARTMENT_PART_KEYS, type LivingSituation } from '@bds/shared';
import type { Db } from '../connection.ts';
import { createRandom } from './random.ts';
import { EXECUTING_MEMBER } from './reference-data.ts';

/** No stay or hour of the demo runs past this day (the demo's horizon, as the projects'). */
const HORIZON = '2026-11-05';

const FLATS: { name: string; district: string; address: string; places: number; openedOn: string }[] = [
  { name: 'Casa del Pratello', district: 'BOLOGNA', address: 'Via del Pratello 41, Bologna', places: 4, openedOn: '2022-03-01' },
  { name: 'Casa Bolognina', district: 'BOLOGNA', address: 'Via di Corticella 18, Bologna', places: 5, openedOn: '2021-09-01' },
  { name: 'Casa San Donato', district: 'BOLOGNA', address: 'Via San Donato 77, Bologna', places: 3, openedOn: '2023-02-01' },
  { name: 'Casa Savena', district: 'BOLOGNA', address: 'Via Populonia 9, Bologna', places: 4, openedOn: '2022-06-01' },
  {
    name: 'Casa Casalecchio',
    district: 'RENO-LAVINO-SAMOGGIA',
    address: 'Via Porrettana 120, Casalecchio di Reno',
    places: 4,
    openedOn: '2022-01-10',
  },
  { name: 'Casa Zola', district: 'RENO-LAVINO-SAMOGGIA', address: 'Via Risorgimento 5, Zola Predosa', places: 3, openedOn: '2023-05-01' },
  {
    name: 'Casa San Lazzaro',
    district: 'SAVENA-IDICE',
    address: 'Via Emilia 250, San Lazzaro di Savena',
    places: 5,
    openedOn: '2021-11-01',
  },
  { name: 'Casa Budrio', district: 'PIANURA-EST', address: 'Via Benni 12, Budrio', places: 3, openedOn: '2023-09-01' },
];

const EXITS: [LivingSituation, number][] = [
  ['own_home', 4],
  ['supported_housing', 3],
  ['family', 2],
  ['residential', 1],
  ['hospital', 0.5],
  ['other', 0.5],
];

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const min = (a: string, b: string) => (a < b ? a : b);

interface Placed {
  from: string;
  to: string | null;
}
const overlaps = (s: Placed, from: string, to: string) => s.from <= to && (s.to ?? '9999-12-31') >= from;

/** A free place on every day from `from` to `until`: occupancy grows only on the days stays begin. */
function hasRoom(stays: readonly Placed[], places: number, from: string, until: string): boolean {
  const days = [from, ...stays.map((s) => s.from).filter((d) => d > from && d <= until)];
  return days.every((day) => stays.filter((s) => overlaps(s, day, day)).length < places);
}

export function seedFlats(db: Db): { flats: number; stays: number; flatInterventions: number } {
  const c = db.$client;
  const random = createRandom(3_2026);
  const districtId = (code: string) => (c.prepare('SELECT id FROM districts WHERE code = ?').get(code) as { id: number }).id;
  const tetto = (c.prepare('SELECT id FROM cooperatives WHERE name = ?').get(EXECUTING_MEMBER) as { id: number }).id;
  const lot = c.prepare('SELECT id, hourly_rate_cents AS rate FROM lots WHERE number = 3 ORDER BY tender_year DESC LIMIT 1').get() as {
    id: number;
    rate: number;
  };
  c.prepare('UPDATE lot_cooperatives SET executing = 1 WHERE cooperative_id = ? AND lot_id IN (SELECT id FROM lots WHERE number = 3)').run(
    tetto,
  );
  const insertFlat = c.prepare(
    'INSERT INTO flats (name, district_id, address, places, lot_id, cooperative_id, opened_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const flats = FLATS.map((f) => ({
    ...f,
    id: Number(insertFlat.run(f.name, districtId(f.district), f.address, f.places, lot.id, tetto, f.openedOn).lastInsertRowid),
    stays: [] as Placed[],
  }));

  const projects = c
    .prepare(
      `SELECT p.id, p.person_id AS personId, p.service_id AS serviceId, p.activated_on AS activatedOn, p.ended_on AS endedOn, p.end_date AS endDate
       FROM ptris p JOIN lots l ON l.id = p.lot_id WHERE l.number = 3 AND p.activated_on IS NOT NULL ORDER BY p.activated_on, p.id`,
    )
    .all() as { id: number; personId: number; serviceId: number; activatedOn: string; endedOn: string | null; endDate: string }[];
  const insertStay = c.prepare(
    `INSERT INTO flat_stays (flat_id, ptri_id, person_id, service_id, from_date, to_date, destination) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const personBusyUntil = new Map<number, string>();
  let stays = 0;
  for (const project of projects) {
    const from = addDays(project.activatedOn, random.int(0, 20));
    const last = project.endedOn ?? min(project.endDate, HORIZON);
    if (from > last || from > HORIZON || (personBusyUntil.get(project.personId) ?? '') >= from) continue;
    // Ended projects leave the flat on their closing day; a few open ones have already moved on.
    const leaves = project.endedOn !== null || (random.chance(0.3) && addDays(from, 120) < HORIZON);
    const to = leaves ? (project.endedOn ?? addDays(from, random.int(90, 300))) : null;
    const until = to ?? '9999-12-31';
    if (to && to > HORIZON) continue;
    const flat = random.shuffle(flats).find((f) => f.openedOn <= from && hasRoom(f.stays, f.places, from, until));
    if (!flat) continue;
    const destination = to ? random.weighted(EXITS) : null;
    insertStay.run(flat.id, project.id, project.personId, project.serviceId, from, to, destination);
    flat.stays.push({ from, to });
    personBusyUntil.set(project.personId, until);
    stays += 1;
  }

  // A weekly house meeting of two hours in every flat, from its opening (or the tender's start) to the horizon.
  const insertWork = c.prepare(
    `INSERT INTO flat_interventions (flat_id, cooperative_id, lot_id, date, month, activity_id, minutes, amount_cents, operator_role)
     VALUES (?, ?, ?, ?, ?, ?, 120, ?, 'Educatore')`,
  );
  const activity = (c.prepare("SELECT id FROM activities WHERE axis = 'habitat' ORDER BY id LIMIT 1").get() as { id: number }).id;
  const tenderStart = (c.prepare('SELECT tender_start AS d FROM lots WHERE id = ?').get(lot.id) as { d: string }).d;
  let work = 0;
  for (const flat of flats) {
    for (let day = flat.openedOn < tenderStart ? tenderStart : flat.openedOn; day <= HORIZON; day = addDays(day, 7)) {
      insertWork.run(flat.id, tetto, lot.id, day, day.slice(0, 7), activity, Math.round(2 * lot.rate));
      work += 1;
    }
  }
  // The flats' part of each month follows the month as the demo left it; the summaries count it.
  const key = DEPARTMENT_PART_KEYS.flats;
  c.prepare(
    `INSERT INTO monthly_report_parts (cooperative_id, month, service_id, status, reviewed_at, reviewed_by)
     SELECT DISTINCT w.cooperative_id, w.month, ?, r.status, r.reviewed_at, r.reviewed_by
     FROM flat_interventions w JOIN monthly_reports r ON r.cooperative_id = w.cooperative_id AND r.month = w.month`,
  ).run(key);
  c.prepare(
    `INSERT INTO lot_month_totals (lot_id, cooperative_id, month, service_id, status, minutes, amount_cents, interventions)
     SELECT w.lot_id, w.cooperative_id, w.month, ?, COALESCE(p.status, 'open'), SUM(w.minutes), SUM(w.amount_cents), COUNT(*)
     FROM flat_interventions w LEFT JOIN monthly_report_parts p ON p.cooperative_id = w.cooperative_id AND p.month = w.month AND p.service_id = ?
     GROUP BY w.lot_id, w.cooperative_id, w.month`,
  ).run(key, key);
  return { flats: flats.length, stays, flatInterventions: work };
}
