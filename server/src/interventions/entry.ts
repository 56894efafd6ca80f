// Checks one intervention entry (typed in or read from a CSV row) against its project, the
// activity list and the month, and turns it into the row to store.
import { amountCentsOf, AXIS_LABELS, formatMonth, minutesOf, monthOf, partEditable, type Axis } from '@bds/shared';
import type { FieldError } from '../errors.ts';
import { activityKey, type MonthState, type ProjectForWork } from './queries.ts';
import { dayLimitErrors, periodErrors } from './rules.ts';

export interface EntryInput {
  ptriId: number;
  date: string;
  axis: Axis;
  activity: string;
  hours: number;
  operatorRole: string;
  notes: string | null;
}

/** An entry of which only the fields that passed their own checks are known (a CSV row with bad cells). */
export type PartialEntry = Partial<EntryInput>;

export interface EntryContext {
  cooperativeId: number;
  userId: number;
  today: string;
  projects: Map<number, ProjectForWork>;
  activities: Map<string, { id: number; label: string }>;
  monthState: (month: string) => MonthState;
  /** Minutes a person has on a day, across projects and cooperatives, with those booked by this request. */
  minutesOnDay: (personId: number, date: string) => number;
  /** Counts an accepted entry towards its person's day, for the next entries of the same request. */
  book: (entry: NewIntervention) => void;
}

export interface NewIntervention {
  ptriId: number;
  personId: number;
  cooperativeId: number;
  lotId: number;
  serviceId: number;
  date: string;
  month: string;
  axis: Axis;
  activityId: number;
  minutes: number;
  amountCents: number;
  operatorRole: string;
  notes: string | null;
  createdBy: number;
}

export type EntryResult = { ok: true; value: NewIntervention } | { ok: false; errors: FieldError[]; locked?: boolean };

/**
 * Every rule an entry breaks, as far as its known fields allow: a CSV row with a bad date still
 * hears that its activity does not exist. Accepted only when every field is known and no rule is broken.
 */
export function checkEntry(ctx: EntryContext, input: PartialEntry): EntryResult {
  const { ptriId, date, axis, hours, operatorRole } = input;
  const errors: FieldError[] = [];
  const project = ptriId === undefined ? undefined : ctx.projects.get(ptriId);
  if (ptriId !== undefined && !project) errors.push({ path: 'ptriId', message: 'progetto inesistente o non assegnato alla cooperativa' });
  if (project && date !== undefined) errors.push(...periodErrors(project, date, ctx.today));
  const activity = axis === undefined || input.activity === undefined ? undefined : ctx.activities.get(activityKey(axis, input.activity));
  if (axis !== undefined && input.activity !== undefined && !activity) {
    errors.push({ path: 'activity', message: `attività non prevista per l'asse «${AXIS_LABELS[axis]}»` });
  }
  if (project?.hourlyRateCents === null) errors.push({ path: 'ptriId', message: 'il lotto del progetto non ha una tariffa oraria' });
  if (errors.length || !project || !activity || project.hourlyRateCents === null) return { ok: false, errors };
  if (date === undefined || axis === undefined || hours === undefined || operatorRole === undefined) return { ok: false, errors };
  const month = monthOf(date);
  const state = ctx.monthState(month);
  if (!partEditable(state.monthStatus, state.parts.get(project.serviceId)?.status)) {
    return {
      ok: false,
      locked: true,
      errors: [{ path: 'date', message: `il mese di ${formatMonth(month)} è già stato inviato: non si può modificare` }],
    };
  }
  const minutes = minutesOf(hours);
  const overDay = dayLimitErrors(ctx.minutesOnDay(project.personId, date), minutes, date);
  if (overDay.length) return { ok: false, errors: overDay };
  return {
    ok: true,
    value: {
      ptriId: project.id,
      personId: project.personId,
      cooperativeId: ctx.cooperativeId,
      lotId: project.lotId,
      serviceId: project.serviceId,
      date,
      month,
      axis,
      activityId: activity.id,
      minutes,
      amountCents: amountCentsOf(minutes, project.hourlyRateCents),
      operatorRole,
      notes: input.notes ?? null,
      createdBy: ctx.userId,
    },
  };
}
