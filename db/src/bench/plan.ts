// The shape of each synthetic project: service, lot, period, status and cooperatives, decided
// from a seeded generator so every run of a tier produces the same database.
import type { Intensity, PtriStatus, ServiceKind } from '@bds/shared';
import type { Random } from '../seed/random.ts';

/** The day the synthetic data is "now": the same as the demo data's. */
export const BENCH_TODAY = '2026-11-15';
const FIRST_MONTH = 2017 * 12; // January 2017, as a month number
const LAST_MONTH = 2026 * 12 + 9; // October 2026

export interface ServiceRef {
  id: number;
  kind: ServiceKind;
  weight: number;
}
export interface LotRef {
  id: number;
  number: number;
  rateCents: number;
  cooperativeIds: number[];
}

export interface PlannedProject {
  personId: number;
  serviceId: number;
  lot: LotRef;
  status: PtriStatus;
  intensity: Intensity;
  startDate: string;
  endDate: string;
  activatedOn: string | null;
  endedOn: string | null;
  nextReviewDate: string | null;
  cooperativeIds: number[];
  /** Month numbers (year × 12 + month index) in which the project was active. */
  firstMonth: number;
  lastMonth: number;
}

export const monthText = (month: number): string => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
const dayText = (month: number, day: number): string => `${monthText(month)}-${String(day).padStart(2, '0')}`;
const monthOfDate = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const TODAY_MONTH = monthOfDate(BENCH_TODAY);

function lotFor(random: Random, kind: ServiceKind, lots: ReadonlyMap<number, LotRef>): LotRef {
  const roll = random.next();
  const number = kind === 'SerDP' ? (roll < 0.9 ? 2 : 4) : kind === 'NPIA' ? (roll < 0.92 ? 1 : 4) : roll < 0.82 ? 1 : roll < 0.92 ? 3 : 4;
  const lot = lots.get(number);
  if (!lot) throw new Error(`lot ${number} missing`);
  return lot;
}

const INTENSITIES: readonly Intensity[] = ['high', 'medium', 'medium', 'low'];

export function planProject(random: Random, personId: number, service: ServiceRef, lots: ReadonlyMap<number, LotRef>): PlannedProject {
  const lot = lotFor(random, service.kind, lots);
  const startMonth = random.int(FIRST_MONTH, LAST_MONTH);
  const months = random.chance(0.7) ? 12 : random.pick([6, 9, 18, 24]);
  const startDay = random.int(1, 28);
  const startDate = dayText(startMonth, startDay);
  const endDate = dayText(startMonth + months, Math.max(1, startDay - 1));
  const first = random.pick(lot.cooperativeIds);
  const second = random.chance(0.25) ? random.pick(lot.cooperativeIds) : first;
  const cooperativeIds = second === first ? [first] : [first, second];
  const base = { personId, serviceId: service.id, lot, intensity: random.pick(INTENSITIES), startDate, endDate, cooperativeIds };
  const roll = random.next();
  if (startMonth >= TODAY_MONTH - 1 && roll < 0.5) {
    const status: PtriStatus = roll < 0.3 ? 'draft' : 'submitted';
    return { ...base, status, activatedOn: null, endedOn: null, nextReviewDate: null, firstMonth: 0, lastMonth: -1 };
  }
  if (roll < 0.03)
    return { ...base, status: 'rejected', activatedOn: null, endedOn: null, nextReviewDate: null, firstMonth: 0, lastMonth: -1 };
  const endMonth = startMonth + months;
  if (endMonth < TODAY_MONTH) {
    const early = random.chance(0.15) ? random.int(1, months - 1) : months;
    const endedOn = dayText(startMonth + early, Math.max(1, startDay - 1));
    return {
      ...base,
      status: 'closed',
      activatedOn: startDate,
      endedOn,
      nextReviewDate: null,
      firstMonth: startMonth,
      lastMonth: startMonth + early,
    };
  }
  // Open projects: reviewed every six months; about one in ten has its review overdue.
  const reviews = Math.floor((TODAY_MONTH - startMonth) / 6) + 1;
  const overdue = random.chance(0.1) ? -random.int(1, 3) : random.int(0, 5);
  const reviewMonth = Math.min(startMonth + reviews * 6, TODAY_MONTH + 5) + (overdue < 0 ? overdue - 1 : 0);
  const status: PtriStatus = random.chance(0.05) ? 'suspended' : 'active';
  return {
    ...base,
    status,
    activatedOn: startDate,
    endedOn: null,
    nextReviewDate: dayText(Math.max(reviewMonth, startMonth + 1), startDay),
    firstMonth: startMonth,
    lastMonth: Math.min(endMonth, TODAY_MONTH),
  };
}

/** Interventions happen on days inside the active period and never after today. */
export function dayInMonth(random: Random, project: PlannedProject, month: number): string {
  const from = month === project.firstMonth && project.activatedOn ? Number(project.activatedOn.slice(8, 10)) : 1;
  const lastDate = project.endedOn ?? project.endDate;
  let to = 28;
  if (month === monthOfDate(lastDate)) to = Math.min(to, Number(lastDate.slice(8, 10)));
  if (month === TODAY_MONTH) to = Math.min(to, Number(BENCH_TODAY.slice(8, 10)));
  return dayText(month, random.int(from, Math.max(from, to)));
}
