import { z } from 'zod';
import { AXES, BUDGET_SOURCES, CONFIRMATION_DECISIONS, GOAL_STATUSES, INTENSITIES, LINE_CONFIRMATIONS, PTRI_STATUSES } from '../domain.ts';
import { cursorSchema, idParams, idSchema, recordDate, limitSchema, noRepeats, longText, text, yearSchema } from './common.ts';
import { euroAmount } from './reference.ts';
import { benefitSchema } from './agreement.ts';

/** A goal or budget line the edit keeps: the id it has had since it was added (see server/src/ptri/content.ts). */
const keptId = z.number().int().positive().optional();

export const goalInput = z.strictObject({
  id: keptId,
  axis: z.enum(AXES),
  description: longText(2000),
  targetDate: recordDate.nullable().optional(),
  status: z.enum(GOAL_STATUSES).optional(),
});
export type GoalInput = z.infer<typeof goalInput>;

/** Hours in quarter-hour steps. */
export const quarterHours = z
  .number()
  .positive({ error: 'deve essere maggiore di zero' })
  .max(100_000)
  .multipleOf(0.25, { error: "a quarti d'ora (0,25)" });

export const budgetLineInput = z
  .strictObject({
    id: keptId,
    source: z.enum(BUDGET_SOURCES),
    description: text(300),
    hours: quarterHours.nullable().optional(),
    amount: euroAmount.nullable().optional(),
    /** The community resource the line draws on (an active one of the catalogue); null unlinks it, absent keeps it. */
    resourceId: z.number().int().positive().nullable().optional(),
  })
  .refine((line) => line.hours != null || line.amount != null, {
    error: 'indicare ore o importo',
    path: ['amount'],
  });
export type BudgetLineInput = z.infer<typeof budgetLineInput>;

/**
 * The Budget di Salute per axis: either a list of resources (who brings what) or, as a
 * shorthand, one euro amount of the lot's resources on that axis.
 */
const axisBudget = z.union([euroAmount, z.array(budgetLineInput).max(50)]);
export const budgetInput = z.strictObject({
  habitat: axisBudget.optional(),
  sociality: axisBudget.optional(),
  work: axisBudget.optional(),
});
export type BudgetInput = z.infer<typeof budgetInput>;

/** The cooperatives of a project: members of its lot, each named once. */
export const ptriCooperativeIds = z.array(z.number().int().positive()).max(20).superRefine(noRepeats('elemento'));

const ptriFields = {
  startDate: recordDate,
  endDate: recordDate,
  intensity: z.enum(INTENSITIES),
  cooperativeIds: ptriCooperativeIds,
  goals: z.array(goalInput).min(1, { error: 'almeno un obiettivo' }).max(60),
  budget: budgetInput.optional(),
  notes: longText(4000).nullable().optional(),
};

function periodIsOrdered(body: { startDate?: string; endDate?: string }) {
  return !body.startDate || !body.endDate || body.startDate <= body.endDate;
}
const periodError = { error: 'la data di fine precede quella di inizio', path: ['endDate'] };

export const createPtriBody = z
  .strictObject({
    personId: z.number().int().positive(),
    serviceId: z.number().int().positive(),
    lotId: z.number().int().positive(),
    caseManagerId: z.number().int().positive().optional(),
    /** The project of the same person this one continues. */
    renews: z.number().int().positive().optional(),
    ...ptriFields,
  })
  .refine(periodIsOrdered, periodError);
export type CreatePtriBody = z.input<typeof createPtriBody>;

export const updatePtriBody = z
  .strictObject({
    version: z.number().int().positive().optional(),
    reason: text(500).optional(),
    startDate: ptriFields.startDate.optional(),
    endDate: ptriFields.endDate.optional(),
    intensity: ptriFields.intensity.optional(),
    cooperativeIds: ptriFields.cooperativeIds.optional(),
    goals: ptriFields.goals.optional(),
    budget: ptriFields.budget,
    notes: ptriFields.notes,
    caseManagerId: z.number().int().positive().optional(),
  })
  .refine(periodIsOrdered, periodError);
export type UpdatePtriBody = z.input<typeof updatePtriBody>;

export const goalSchema = z.object({
  id: z.number().int(),
  axis: z.enum(AXES),
  description: z.string(),
  targetDate: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
});

export const budgetLineSchema = z.object({
  id: z.number().int(),
  axis: z.enum(AXES),
  source: z.enum(BUDGET_SOURCES),
  description: z.string(),
  hours: z.number().nullable(),
  amount: z.number().nullable(),
  resourceId: z.number().int().nullable(),
  /** Only social-services lines: where the municipality stands on it. */
  confirmation: z.enum(LINE_CONFIRMATIONS).nullable(),
  /** Who confirmed or declined it, when, and the note; null while the line is proposed. */
  decision: z.object({ by: z.string(), on: z.string(), note: z.string().nullable() }).nullable(),
});

/** A social worker's decision on a social-services line. */
export const lineConfirmationBody = z
  .strictObject({
    decision: z.enum(CONFIRMATION_DECISIONS),
    note: text(500).optional(),
  })
  // The case manager has to know why the municipality will not pay for a line.
  .refine((body) => body.decision !== 'declined' || body.note !== undefined, {
    error: 'indicare il motivo del rifiuto',
    path: ['note'],
  });
export const lineParams = idParams.extend({ lineId: idSchema });

export const ptriSummarySchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  serviceId: z.number().int(),
  lotId: z.number().int(),
  caseManagerId: z.number().int().nullable(),
  status: z.enum(PTRI_STATUSES),
  intensity: z.enum(INTENSITIES),
  startDate: z.string(),
  endDate: z.string(),
  nextReviewDate: z.string().nullable(),
  /** Active or suspended past its planned end: to renew or close. */
  expired: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PtriSummary = z.infer<typeof ptriSummarySchema>;

export const ptriDetailSchema = ptriSummarySchema.extend({
  /**
   * The content revision: goes up when the content (period, intensity, goals, budget, cooperatives,
   * notes) changes, never on a lifecycle move; signatures belong to one. `version` is the lock.
   */
  revision: z.number().int(),
  /** The person (or their guardian) signed the current revision. */
  personSigned: z.boolean(),
  /** In care without the person's signature on the current revision: "firma in attesa". */
  signaturePending: z.boolean(),
  /** The person's benefits and income, beside the budget: only to roles that read benefits. */
  benefits: z.array(benefitSchema).optional(),
  cooperativeIds: z.array(z.number().int()),
  goals: z.array(goalSchema),
  budgetLines: z.array(budgetLineSchema),
  /** Euro totals per axis of the budget lines that have an amount. */
  budget: z.object({ habitat: z.number(), sociality: z.number(), work: z.number() }),
  /** Free text of the case manager: withheld from roles the access table keeps it from. */
  notes: z.string().nullable().optional(),
  activatedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  createdAt: z.string(),
  evaluations: z.array(z.lazy(() => evaluationSummarySchema)),
});
export type PtriDetail = z.infer<typeof ptriDetailSchema>;

const evaluationSummarySchema = z.object({
  id: z.number().int(),
  date: z.string(),
  kind: z.string(),
  outcome: z.string(),
  nextReviewDate: z.string().nullable(),
});

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ptriListQuery = z.strictObject({
  serviceId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  status: z.enum(PTRI_STATUSES).optional(),
  lotId: z.coerce.number().int().positive().optional(),
  intensity: z.enum(INTENSITIES).optional(),
  /** Projects with at least one open goal on this axis. */
  axis: z.enum(AXES).optional(),
  activeIn: yearSchema.optional(),
  reviewOverdue: booleanQuery.optional(),
  /** Active or suspended past the planned end (see `isExpired`). */
  expired: booleanQuery.optional(),
  /** In care without the person's signature on the current revision ("firma in attesa"). */
  signaturePending: z
    .literal('true')
    .transform(() => true)
    .optional(),
  q: z.string().trim().max(100).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type PtriListQuery = z.input<typeof ptriListQuery>;

/** The list's filters, for its count. */
export const ptriCountQuery = ptriListQuery.omit({ limit: true, cursor: true });
/** How many projects match; `capped` when there are more than `total` and counting stopped there. */
export const ptriCountReply = z.object({ total: z.number().int(), capped: z.boolean() });
export type PtriCount = z.infer<typeof ptriCountReply>;

export const GOAL_OUTCOMES = ['achieved', 'partly_achieved', 'not_achieved'] as const;
/** The outcome on each axis of a closure (final evaluation or closing move): it becomes the status of the axis' open goals. */
export const goalOutcomes = z.strictObject(
  Object.fromEntries(AXES.map((axis) => [axis, z.enum(GOAL_OUTCOMES).optional()])) as Record<
    (typeof AXES)[number],
    z.ZodOptional<z.ZodEnum<{ achieved: 'achieved'; partly_achieved: 'partly_achieved'; not_achieved: 'not_achieved' }>>
  >,
);

export const transitionBody = z.strictObject({
  to: z.enum(PTRI_STATUSES),
  reason: longText(1000).optional(),
  date: recordDate.optional(),
  /** Closing: the outcome of each axis that still has open goals. */
  goalOutcomes: goalOutcomes.optional(),
});

export const historyEntrySchema = z.object({
  kind: z.enum(['revision', 'transition']),
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  version: z.number().int().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Withheld, with the changes, from roles the access table keeps them from. */
  reason: z.string().nullable().optional(),
  changes: z
    .record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }))
    .nullable()
    .optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
