// Who is in care where and when: the care episodes of every demo person. The Lot 1 episodes
// reproduce the published yearly counts exactly: each person has Lot 1 projects in one
// service only, and an episode counts in a year when it overlaps it.
import { SERVICES } from './reference-data.ts';
import { addDays, maxDate } from '@bds/shared';
import { randomDate } from './dates.ts';
import type { Random } from './random.ts';

/** Users with a Lot 1 project per service, as published for 2024 and 2025. */
export const LOT1_PUBLISHED_USERS: readonly (readonly [code: string, y2024: number, y2025: number])[] = [
  ['CSM-BORGO-RENO', 47, 57],
  ['CSM-BUDRIO', 23, 36],
  ['CSM-APPENNINO', 29, 30],
  ['CSM-NAVILE', 53, 52],
  ['CSM-PIANURA-OVEST', 27, 31],
  ['CSM-RENO-LAVINO-SAMOGGIA', 81, 77],
  ['CSM-SAN-PIETRO', 84, 90],
  ['CSM-SAN-DONATO-SAN-VITALE', 97, 90],
  ['CSM-SARAGOZZA', 59, 70],
  ['CSM-SAVENA-SANTO-STEFANO', 101, 117],
  ['CSM-SAVENA-IDICE', 29, 31],
  ['NPIA-BOLOGNA-EST', 2, 4],
  ['NPIA-BOLOGNA-OVEST', 2, 4],
  ['NPIA-PIANURA', 5, 5],
  ['NPIA-PPEE', 11, 9],
  ['NPIA-SUD', 0, 1],
];

export type OpenTail = 'active' | 'suspended' | 'overdue';

/** A continuous period of care in one service and lot, covered by consecutive projects. */
export interface CareEpisode {
  lot: number;
  start: string;
  /** The day the last project was closed; null while the person is still in care. */
  end: string | null;
  tail: OpenTail;
}

export type PendingStatus = 'draft' | 'submitted' | 'rejected';

/** A project that never became active. */
export interface PendingProject {
  lot: number;
  status: PendingStatus;
  start: string;
}

export interface PlannedPerson {
  serviceCode: string;
  episodes: CareEpisode[];
  pending: PendingProject[];
}

function openTail(random: Random): OpenTail {
  return random.weighted<OpenTail>([
    ['active', 85],
    ['suspended', 8],
    ['overdue', 7],
  ]);
}

/** Closed on a day in [from, to], or still open when the range is empty or by chance. */
function episode(random: Random, lot: number, start: string, closeFrom: string, closeTo: string, closedShare: number): CareEpisode {
  const from = maxDate(closeFrom, addDays(start, 60));
  const closed = from <= closeTo && random.chance(closedShare);
  return { lot, start, end: closed ? randomDate(random, from, closeTo) : null, tail: openTail(random) };
}

const history = (random: Random, lot: number): CareEpisode => {
  const start = randomDate(random, '2021-05-01', '2023-03-31');
  return { lot, start, end: randomDate(random, addDays(start, 90), '2023-12-20'), tail: 'active' };
};

function lot1People(random: Random, code: string, users2024: number, users2025: number): PlannedPerson[] {
  const people: PlannedPerson[] = [];
  const add = (...episodes: CareEpisode[]) => people.push({ serviceCode: code, episodes, pending: [] });
  const both = Math.round(0.72 * Math.min(users2024, users2025));
  for (let i = 0; i < both; i++) {
    const start = random.chance(0.3) ? randomDate(random, '2022-01-10', '2022-12-31') : randomDate(random, '2023-01-01', '2024-11-30');
    add(episode(random, 1, start, '2025-01-15', '2026-11-05', 0.35));
  }
  for (let i = 0; i < users2024 - both; i++) {
    const start = randomDate(random, '2022-03-01', '2024-06-30');
    add({ lot: 1, start, end: randomDate(random, maxDate('2024-01-10', addDays(start, 60)), '2024-12-31'), tail: 'active' });
  }
  for (let i = 0; i < users2025 - both; i++) {
    const current = episode(random, 1, randomDate(random, '2025-01-02', '2025-12-10'), '2025-03-01', '2026-11-05', 0.3);
    if (users2024 > 0 && random.chance(0.15)) add(history(random, 1), current);
    else add(current);
  }
  if (users2024 > 0) for (let i = 0; i < Math.round(users2025 * 0.08); i++) add(history(random, 1));
  for (let i = 0; i < Math.max(1, Math.round(users2025 * 0.09)); i++) {
    add(episode(random, 1, randomDate(random, '2026-01-07', '2026-10-20'), '2026-03-01', '2026-11-10', 0.1));
  }
  return people;
}

/** Projects waiting for the UVM, still in draft, or turned down: several in Città di Bologna. */
function pendingPeople(random: Random): PlannedPerson[] {
  const people: PlannedPerson[] = [];
  const add = (serviceCode: string, lot: number, status: PendingStatus, count: number, from: string, to: string) => {
    for (let i = 0; i < count; i++) {
      people.push({ serviceCode, episodes: [], pending: [{ lot, status, start: randomDate(random, from, to) }] });
    }
  };
  for (const service of SERVICES) {
    const lot = service.kind === 'SerDP' ? 2 : 1;
    const inBologna = service.district === 'BOLOGNA';
    const navile = service.code === 'CSM-NAVILE';
    add(service.code, lot, 'submitted', navile ? 4 : inBologna ? 2 : 1, '2026-12-01', '2027-01-15');
    add(service.code, lot, 'draft', navile ? 3 : service.kind === 'CSM' ? 2 : 1, '2026-12-15', '2027-02-01');
    if (service.code !== 'NPIA-SUD') add(service.code, lot, 'rejected', service.kind === 'CSM' ? 2 : 1, '2024-02-01', '2026-10-01');
  }
  return people;
}

/**
 * Lot 2 (SerDP) and Lot 3 (transitional housing, CSM). Lot 4 has no individual projects: its
 * community activities are seeded as such (community.ts), with persons of every lot enrolled.
 */
function otherLotsPeople(random: Random): PlannedPerson[] {
  const people: PlannedPerson[] = [];
  const add = (serviceCode: string, lot: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const start = randomDate(random, '2023-01-15', '2026-09-30');
      people.push({ serviceCode, episodes: [episode(random, lot, start, '2024-01-01', '2026-11-05', 0.35)], pending: [] });
    }
  };
  for (const service of SERVICES) {
    if (service.kind === 'SerDP') add(service.code, 2, service.district === 'BOLOGNA' ? 16 : 9);
  }
  for (const code of [
    'CSM-NAVILE',
    'CSM-SAVENA-SANTO-STEFANO',
    'CSM-SAN-DONATO-SAN-VITALE',
    'CSM-RENO-LAVINO-SAMOGGIA',
    'CSM-SAN-PIETRO',
  ]) {
    add(code, 3, 6);
  }
  return people;
}

export function planPeople(random: Random): PlannedPerson[] {
  return [
    ...LOT1_PUBLISHED_USERS.flatMap(([code, users2024, users2025]) => lot1People(random, code, users2024, users2025)),
    ...otherLotsPeople(random),
    ...pendingPeople(random),
  ];
}
