import { z } from 'zod';
import { EVALUATION_KINDS, EVALUATION_OUTCOMES, INTENSITIES } from '../domain.ts';
import { isoDate, longText, text } from './common.ts';

export const MEMBER_ORGANISATIONS = ['health_service', 'social_services', 'cooperative', 'person', 'family', 'other'] as const;

export const evaluationMember = z.strictObject({
  name: text(120),
  role: text(120),
  organisation: z.union([z.enum(MEMBER_ORGANISATIONS), text(160)]),
});

/** HoNOS: 12 items scored 0–4, 9 = not known (left out of the total). */
export const honosScores = z
  .array(z.union([z.number().int().min(0).max(4), z.literal(9)]), { error: 'HoNOS: 12 punteggi 0–4 (9 = non noto)' })
  .length(12, { error: 'HoNOS: servono esattamente 12 punteggi' });

export const createEvaluationBody = z.strictObject({
  date: isoDate,
  kind: z.enum(EVALUATION_KINDS),
  members: z.array(evaluationMember).min(1, { error: 'almeno un partecipante' }).max(30),
  outcome: z.enum(EVALUATION_OUTCOMES),
  intensity: z.enum(INTENSITIES).optional(),
  scores: z.strictObject({ honos: honosScores.optional() }).optional(),
  nextReviewDate: isoDate.optional(),
  notes: longText(4000).optional(),
});
export type CreateEvaluationBody = z.infer<typeof createEvaluationBody>;

export const evaluationSchema = z.object({
  id: z.number().int(),
  ptriId: z.number().int(),
  date: z.string(),
  kind: z.enum(EVALUATION_KINDS),
  members: z.array(z.object({ name: z.string(), role: z.string(), organisation: z.string() })),
  outcome: z.enum(EVALUATION_OUTCOMES),
  intensity: z.enum(INTENSITIES).nullable(),
  scores: z.object({ honos: z.array(z.number()).optional() }).nullable().optional(),
  honosTotal: z.number().int().nullable().optional(),
  nextReviewDate: z.string().nullable(),
  notes: z.string().nullable().optional(),
  recordedBy: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
