// The PTRI form's values as typed (strings), and their conversion to the API bodies that the
// shared zod schemas validate. Error keys are the body paths the server uses too.
import type {
  Axis,
  BudgetInput,
  BudgetLineInput,
  BudgetSource,
  CreatePtriBody,
  GoalStatus,
  Intensity,
  PtriDetail,
  UpdatePtriBody,
} from '@bds/shared';
import { AXES, formatNumberInput } from '@bds/shared';
import type { FieldErrors } from '../formErrors.ts';
import { numberOrRefusal, typedNumber } from '../ItalianNumberInput.tsx';

export interface GoalDraft {
  key: string;
  /** The goal's id on the server: sent back so the goal keeps its identity across revisions. */
  id?: number;
  axis: Axis;
  description: string;
  targetDate: string;
  status?: GoalStatus;
}

export interface BudgetLineDraft {
  key: string;
  /** The line's id on the server: sent back so the line keeps its identity across revisions. */
  id?: number;
  axis: Axis;
  source: BudgetSource;
  description: string;
  hours: string;
  amount: string;
  /** The catalogue resource the line draws on, if any. */
  resourceId: number | null;
}

export interface PtriFormValues {
  personId: number | null;
  serviceId: string;
  lotId: string;
  startDate: string;
  endDate: string;
  intensity: Intensity | '';
  cooperativeIds: number[];
  goals: GoalDraft[];
  budgetLines: BudgetLineDraft[];
  notes: string;
  reason: string;
}

let nextKey = 0;
export function newKey(): string {
  nextKey += 1;
  return `k${nextKey}`;
}

export function newGoal(axis: Axis): GoalDraft {
  return { key: newKey(), axis, description: '', targetDate: '' };
}

export function newBudgetLine(axis: Axis): BudgetLineDraft {
  return { key: newKey(), axis, source: 'ausl', description: '', hours: '', amount: '', resourceId: null };
}

export function emptyPtriValues(personId: number | null, serviceId: number | null): PtriFormValues {
  return {
    personId,
    serviceId: serviceId ? String(serviceId) : '',
    lotId: '',
    startDate: '',
    endDate: '',
    intensity: '',
    cooperativeIds: [],
    goals: AXES.map(newGoal),
    budgetLines: [],
    notes: '',
    reason: '',
  };
}

export function valuesFromPtri(ptri: PtriDetail): PtriFormValues {
  return {
    personId: ptri.personId,
    serviceId: String(ptri.serviceId),
    lotId: String(ptri.lotId),
    startDate: ptri.startDate,
    endDate: ptri.endDate,
    intensity: ptri.intensity,
    cooperativeIds: [...ptri.cooperativeIds],
    goals: ptri.goals.map((goal) => ({
      key: newKey(),
      id: goal.id,
      axis: goal.axis,
      description: goal.description,
      targetDate: goal.targetDate ?? '',
      status: goal.status,
    })),
    budgetLines: ptri.budgetLines.map((line) => ({
      key: newKey(),
      id: line.id,
      axis: line.axis,
      source: line.source,
      description: line.description,
      hours: formatNumberInput(line.hours, 'hours'),
      amount: formatNumberInput(line.amount, 'euro'),
      resourceId: line.resourceId,
    })),
    notes: ptri.notes ?? '',
    reason: '',
  };
}

/** An id chosen in a select; none chosen is left out, so the check names it as a required field. */
function toId(text: string): number | undefined {
  return text === '' ? undefined : Number(text);
}

/** The body of a new PTRI as the form holds it, before the shared schema checks it. */
export type PtriCreateDraft = Omit<CreatePtriBody, 'serviceId' | 'lotId'> & { serviceId: number | undefined; lotId: number | undefined };

function goalsBody(values: PtriFormValues) {
  return values.goals.map((goal) => ({
    ...(goal.id ? { id: goal.id } : {}),
    axis: goal.axis,
    description: goal.description,
    targetDate: goal.targetDate || null,
    ...(goal.status ? { status: goal.status } : {}),
  }));
}

/** Budget lines grouped per axis, in form order, so "budget.work.1" is the second work line. */
export function budgetBody(lines: readonly BudgetLineDraft[]): BudgetInput | undefined {
  const budget: Partial<Record<Axis, BudgetLineInput[]>> = {};
  for (const line of lines) {
    const list = (budget[line.axis] ??= []);
    list.push({
      ...(line.id ? { id: line.id } : {}),
      source: line.source,
      description: line.description,
      hours: typedNumber(line.hours),
      amount: typedNumber(line.amount),
      // A kept line says so when it is unlinked; a new one names a resource only if it has one.
      ...(line.resourceId !== null || line.id ? { resourceId: line.resourceId } : {}),
    });
  }
  return Object.keys(budget).length ? budget : undefined;
}

/** Every axis named, so that an edit removes the lines taken out of the form too. */
function wholeBudgetBody(lines: readonly BudgetLineDraft[]): BudgetInput {
  return { habitat: [], sociality: [], work: [], ...budgetBody(lines) };
}

/** The budget's hours and amounts the form cannot read as numbers, by body path. */
export function budgetNumberRefusals(lines: readonly BudgetLineDraft[]): FieldErrors {
  const refusals: FieldErrors = {};
  for (const line of lines) {
    for (const field of ['hours', 'amount'] as const) {
      const { refusal } = numberOrRefusal(line[field]);
      if (refusal) refusals[budgetLinePath(lines, line.key, field)] = refusal;
    }
  }
  return refusals;
}

/** The path of a budget line's field in the body: its index counts only lines of its axis. */
export function budgetLinePath(lines: readonly BudgetLineDraft[], key: string, field: string): string {
  const line = lines.find((candidate) => candidate.key === key);
  if (!line) return '';
  const index = lines.filter((candidate) => candidate.axis === line.axis).findIndex((candidate) => candidate.key === key);
  return `budget.${line.axis}.${index}.${field}`;
}

export function toCreateBody(values: PtriFormValues): PtriCreateDraft {
  return {
    personId: values.personId ?? 0,
    serviceId: toId(values.serviceId),
    lotId: toId(values.lotId),
    startDate: values.startDate,
    endDate: values.endDate,
    intensity: values.intensity as Intensity,
    cooperativeIds: values.cooperativeIds,
    goals: goalsBody(values),
    budget: budgetBody(values.budgetLines),
    notes: values.notes.trim() ? values.notes : null,
  };
}

export function toUpdateBody(values: PtriFormValues, withReason: boolean): UpdatePtriBody {
  return {
    startDate: values.startDate,
    endDate: values.endDate,
    intensity: values.intensity as Intensity,
    cooperativeIds: values.cooperativeIds,
    goals: goalsBody(values),
    budget: wholeBudgetBody(values.budgetLines),
    notes: values.notes.trim() ? values.notes : null,
    ...(withReason && values.reason.trim() ? { reason: values.reason } : {}),
  };
}
