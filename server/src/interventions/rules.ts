// The rules an intervention must satisfy, as pure functions shared by single entry and CSV upload.
import { formatDate, formatHours, hoursOf, PTRI_STATUS_LABELS, type MonthStatus, type PtriStatus } from '@bds/shared';
import type { FieldError } from '../errors.ts';

/** What the rules need to know about the project an intervention is recorded on. */
export interface ProjectPeriod {
  status: PtriStatus;
  activatedOn: string | null;
  endedOn: string | null;
  endDate: string;
  /** The start of the tender of the project's lot: no work of the lot is dated before it. */
  tenderStart: string;
  /** Suspensions as [from, to) intervals; `to` null while still suspended. */
  suspensions: { from: string; to: string | null }[];
}

/**
 * Interventions belong to the period of care: from activation to closure (or planned end), never
 * in the future and never while the project was suspended. A closed project still takes
 * interventions dated before its closure, since the last month is reported after it ends.
 */
export const STATUSES_TAKING_INTERVENTIONS: readonly PtriStatus[] = ['active', 'suspended', 'closed'];

export function periodErrors(project: ProjectPeriod, date: string, today: string, field = 'date'): FieldError[] {
  if (!STATUSES_TAKING_INTERVENTIONS.includes(project.status) || !project.activatedOn) {
    return [{ path: 'ptriId', message: `il progetto è in stato «${PTRI_STATUS_LABELS[project.status]}»: non accetta interventi` }];
  }
  if (date > today) return [{ path: field, message: 'non può essere nel futuro' }];
  if (date < project.tenderStart)
    return [{ path: field, message: `precede l'inizio della gara del lotto (${formatDate(project.tenderStart)})` }];
  const last = project.endedOn ?? project.endDate;
  if (date < project.activatedOn || date > last) {
    return [{ path: field, message: `fuori dal periodo attivo del progetto (${formatDate(project.activatedOn)} – ${formatDate(last)})` }];
  }
  const suspended = project.suspensions.find((s) => s.from <= date && (s.to === null || date < s.to));
  if (suspended) return [{ path: field, message: `il progetto era sospeso dal ${formatDate(suspended.from)}` }];
  return [];
}

/** Suspension intervals from a project's transitions, in the order they happened. */
export function suspensionsFrom(transitions: { fromStatus: PtriStatus; toStatus: PtriStatus; effectiveDate: string }[]) {
  const intervals: { from: string; to: string | null }[] = [];
  for (const t of transitions) {
    if (t.toStatus === 'suspended') intervals.push({ from: t.effectiveDate, to: null });
    else if (t.fromStatus === 'suspended') {
      const open = intervals.at(-1);
      if (open && open.to === null) open.to = t.effectiveDate;
    }
  }
  return intervals;
}

/** One person's interventions of one day, across projects, cooperatives, uploads and single entries. */
export const MAX_MINUTES_PER_DAY = 24 * 60;

export function dayLimitErrors(recordedMinutes: number, minutes: number, date: string): FieldError[] {
  if (recordedMinutes + minutes <= MAX_MINUTES_PER_DAY) return [];
  const recorded = formatHours(hoursOf(recordedMinutes));
  return [
    { path: 'hours', message: `oltre le 24 ore di interventi per la persona il ${formatDate(date)} (già registrate: ${recorded} ore)` },
  ];
}

/** The status of the summary rows of one part: the part's own, or 'open' before any submission. */
export const summaryStatusOf = (partStatus: MonthStatus | undefined): MonthStatus => partStatus ?? 'open';

/** A month's status from its parts: returned if any part is, validated when all are. */
export function monthStatusOf(parts: readonly MonthStatus[]): MonthStatus {
  if (parts.length === 0) return 'open';
  if (parts.includes('returned')) return 'returned';
  if (parts.every((status) => status === 'validated')) return 'validated';
  return 'submitted';
}
