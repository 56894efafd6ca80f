import { z } from 'zod';
import { EVALUATION_KINDS, EVALUATION_OUTCOMES, GOAL_STATUSES, INTENSITIES, LIVING_SITUATIONS, WORK_SITUATIONS } from '../domain.ts';
import { cursorSchema, limitSchema, noRepeats, recordDate, longText, text } from './common.ts';
import { budgetInput, goalInput, goalOutcomes, ptriCooperativeIds } from './ptri.ts';
import { scaleResultSchema } from './scales.ts';

export const MEMBER_ORGANISATIONS = ['health_service', 'social_services', 'cooperative', 'person', 'family', 'other'] as const;

export const evaluationMember = z.strictObject({
  name: text(120),
  role: text(120),
  organisation: z.union([z.enum(MEMBER_ORGANISATIONS), text(160)]),
  /** The account of the social worker who sat on the UVM as this member: it then finds the meeting among its own. */
  userId: z.number().int().positive().optional(),
});

/** HoNOS: 12 items scored 0–4, 9 = not known (left out of the total). */
export const honosScores = z
  .array(z.union([z.number().int().min(0).max(4), z.literal(9)], { error: 'HoNOS: un punteggio per ogni item, da 0 a 4 (9 = non noto)' }), {
    error: 'HoNOS: 12 punteggi 0–4 (9 = non noto)',
  })
  .length(12, { error: 'HoNOS: servono esattamente 12 punteggi' });

/** Scores per scale code; HoNOS is checked here, every scale again on the server against its definition. */
export const evaluationScores = z
  .object({ honos: honosScores.optional() })
  .catchall(z.array(z.number().int().min(0).max(1000)).min(1).max(60));

/** What a UVM "approved with changes" changes in the project: the same fields as a PATCH. */
export const evaluationChanges = z.strictObject({
  startDate: recordDate.optional(),
  endDate: recordDate.optional(),
  intensity: z.enum(INTENSITIES).optional(),
  cooperativeIds: ptriCooperativeIds.optional(),
  goals: z.array(goalInput).min(1, { error: 'almeno un obiettivo' }).max(60).optional(),
  budget: budgetInput.optional(),
  notes: longText(4000).nullable().optional(),
});

/** How far a goal of the project got, as the UVM finds it at a review: by the goal's stable id. */
export const goalStatusInput = z.strictObject({
  id: z.number().int().positive(),
  status: z.enum(GOAL_STATUSES),
});
export type GoalStatusInput = z.infer<typeof goalStatusInput>;

export const createEvaluationBody = z.strictObject({
  date: recordDate,
  kind: z.enum(EVALUATION_KINDS),
  members: z.array(evaluationMember).min(1, { error: 'almeno un partecipante' }).max(30),
  outcome: z.enum(EVALUATION_OUTCOMES),
  intensity: z.enum(INTENSITIES).optional(),
  scores: evaluationScores.optional(),
  /** Problem type (A–J) of items that have one, per scale: `{ honos: { '8': 'F' } }`. */
  problemTypes: z.record(z.string(), z.record(z.string().regex(/^\d{1,2}$/), z.string().regex(/^[A-Z]$/))).optional(),
  nextReviewDate: recordDate.optional(),
  notes: longText(4000).optional(),
  changes: evaluationChanges.optional(),
  goalOutcomes: goalOutcomes.optional(),
  /** Goals' statuses set one by one (a review, or a final evaluation before its per-axis outcomes close the rest). */
  goals: z
    .array(goalStatusInput)
    .max(60)
    .superRefine((goals, ctx) =>
      noRepeats<number>('obiettivo')(
        goals.map((goal) => goal.id),
        ctx,
      ),
    )
    .optional(),
  /** Where the person lives and what work they do at the evaluation: the outcomes report compares the first and the latest. */
  living: z.enum(LIVING_SITUATIONS).optional(),
  work: z.enum(WORK_SITUATIONS).optional(),
});
export type CreateEvaluationBody = z.infer<typeof createEvaluationBody>;

export const evaluationSchema = z.object({
  id: z.number().int(),
  ptriId: z.number().int(),
  date: z.string(),
  kind: z.enum(EVALUATION_KINDS),
  /** Names the people at the UVM meeting: withheld from roles the access table keeps it from. */
  members: z
    .array(z.object({ name: z.string(), role: z.string(), organisation: z.string(), userId: z.number().int().optional() }))
    .optional(),
  outcome: z.enum(EVALUATION_OUTCOMES),
  intensity: z.enum(INTENSITIES).nullable(),
  scores: z.record(z.string(), z.array(z.number())).nullable().optional(),
  scaleResults: z.array(scaleResultSchema).optional(),
  honosTotal: z.number().int().nullable().optional(),
  nextReviewDate: z.string().nullable(),
  notes: z.string().nullable().optional(),
  living: z.enum(LIVING_SITUATIONS).nullable().optional(),
  work: z.enum(WORK_SITUATIONS).nullable().optional(),
  recordedBy: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/**
 * A UVM meeting a social worker sat on, as its own list shows it: when, what and the outcome,
 * never the scores or the notes.
 */
export const memberEvaluationSchema = z.object({
  evaluationId: z.number().int(),
  ptriId: z.number().int(),
  personName: z.string(),
  date: z.string(),
  kind: z.enum(EVALUATION_KINDS),
  outcome: z.enum(EVALUATION_OUTCOMES),
  nextReviewDate: z.string().nullable(),
});
export type MemberEvaluation = z.infer<typeof memberEvaluationSchema>;
export const memberEvaluationsQuery = z.strictObject({ limit: limitSchema, cursor: cursorSchema });
