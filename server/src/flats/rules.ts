// The rules of a stay in a flat, as pure functions over the stays already there.
import { formatDate, PTRI_STATUS_LABELS, type PtriStatus } from '@bds/shared';

export interface Period {
  from: string;
  /** Null while open-ended. */
  to: string | null;
}

const lastDay = (period: Period) => period.to ?? '9999-12-31';

/**
 * The first day of `period` on which the stays already there fill every place, or null when a
 * place is free every day. Occupancy only grows on a day a stay begins, so those days (and the
 * period's first) are the only ones to look at.
 */
export function firstFullDay(stays: readonly Period[], period: Period, places: number): string | null {
  const days = [period.from, ...stays.map((s) => s.from).filter((d) => d > period.from && d <= lastDay(period))].sort();
  for (const day of days) {
    const occupied = stays.filter((s) => s.from <= day && lastDay(s) >= day).length;
    if (occupied >= places) return day;
  }
  return null;
}

/** What makes a project unfit to hold a stay in the period, or null: it must be an active Lot 3 project then. */
export function projectUnfitReason(
  project: { status: PtriStatus; lotNumber: number; activatedOn: string | null; endDate: string },
  period: Period,
): string | null {
  if (project.lotNumber !== 3) return 'il progetto non è del Lotto 3 (abitare di transizione)';
  if (project.status !== 'active') return `il progetto è in stato «${PTRI_STATUS_LABELS[project.status]}»: serve un progetto attivo`;
  if (!project.activatedOn || project.activatedOn > period.from)
    return `il progetto è attivo solo dal ${formatDate(project.activatedOn)}: la permanenza non può iniziare prima`;
  if (period.to && period.to > project.endDate)
    return `il progetto termina il ${formatDate(project.endDate)}: la permanenza non può andare oltre`;
  return null;
}

/** Whether the flat is open on every day of the period; the reason when not. */
export function flatClosedReason(flat: { openedOn: string; closedOn: string | null }, period: Period): string | null {
  if (period.from < flat.openedOn) return `l'appartamento apre il ${formatDate(flat.openedOn)}`;
  if (flat.closedOn && lastDay(period) > flat.closedOn) return `l'appartamento chiude il ${formatDate(flat.closedOn)}`;
  return null;
}
