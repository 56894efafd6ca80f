// Checks one intervention entry (typed in or read from a CSV row) against its project, the
// activity list and the month, and turns it into the row to store.
import { amountCentsOf, AXIS_LABELS, formatMonth, minutesOf, partEditable, type Axis } from '@bds/shared';
import type { FieldError } from '../errors.ts';
import { activityKey, type MonthState, type ProjectForWork } from './queries.ts';
import { monthOf, periodErrors } from './rules.ts';

export interface EntryInput {
  ptriId: number;
  date: string;
  axis: Axis;
  activity: string;
  hours: number;
  operatorRole: string;
  notes: string | null;
}

export interface EntryContext {
  cooperativeId: number;
  userId: number;
  today: string;
  projects: Map<number, ProjectForWork>;
  activities: Map<string, { id: number; label: string }>;
  monthState: (month: string) => MonthState;
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

export function checkEntry(ctx: EntryContext, input: EntryInput): EntryResult {
  const project = ctx.projects.get(input.ptriId);
  if (!project) return { ok: false, errors: [{ path: 'ptriId', message: 'progetto inesistente o non assegnato alla cooperativa' }] };
  const errors = periodErrors(project, input.date, ctx.today);
  const activity = ctx.activities.get(activityKey(input.axis, input.activity));
  if (!activity) errors.push({ path: 'activity', message: `attività non prevista per l'asse «${AXIS_LABELS[input.axis]}»` });
  if (project.hourlyRateCents === null) errors.push({ path: 'ptriId', message: 'il lotto del progetto non ha una tariffa oraria' });
  if (errors.length || !activity || project.hourlyRateCents === null) return { ok: false, errors };
  const month = monthOf(input.date);
  const state = ctx.monthState(month);
  if (!partEditable(state.monthStatus, state.parts.get(project.serviceId)?.status)) {
    return {
      ok: false,
      locked: true,
      errors: [{ path: 'date', message: `il mese di ${formatMonth(month)} è già stato inviato: non si può modificare` }],
    };
  }
  const minutes = minutesOf(input.hours);
  return {
    ok: true,
    value: {
      ptriId: project.id,
      personId: project.personId,
      cooperativeId: ctx.cooperativeId,
      lotId: project.lotId,
      serviceId: project.serviceId,
      date: input.date,
      month,
      axis: input.axis,
      activityId: activity.id,
      minutes,
      amountCents: amountCentsOf(minutes, project.hourlyRateCents),
      operatorRole: input.operatorRole,
      notes: input.notes,
      createdBy: ctx.userId,
    },
  };
}
