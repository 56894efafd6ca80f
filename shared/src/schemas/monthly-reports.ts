import { z } from 'zod';
import { MONTH_STATUSES } from './interventions.ts';
import { cursorSchema, limitSchema, longText, yearSchema } from './common.ts';

export const reviewBody = z
  .strictObject({ decision: z.enum(['validated', 'returned']), note: longText(2000).optional() })
  .refine((body) => body.decision === 'validated' || !!body.note, {
    error: 'la nota è obbligatoria per restituire il mese',
    path: ['note'],
  });
export type ReviewBody = z.infer<typeof reviewBody>;

export const monthTotalsSchema = z.object({ interventions: z.number().int(), hours: z.number(), amount: z.number() });

export const monthlyReportPartSchema = z.object({
  serviceId: z.number().int(),
  serviceName: z.string(),
  status: z.enum(MONTH_STATUSES),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.number().int().nullable(),
  note: z.string().nullable(),
  totals: monthTotalsSchema,
});

export const monthlyReportSchema = z.object({
  cooperativeId: z.number().int(),
  month: z.string(),
  status: z.enum(MONTH_STATUSES),
  submittedAt: z.string().nullable(),
  submittedBy: z.number().int().nullable(),
  note: z.string().nullable(),
  totals: monthTotalsSchema,
  parts: z.array(monthlyReportPartSchema),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

export const monthlyReportsQuery = z.strictObject({ year: yearSchema });
export const monthlyReportsReply = z.object({
  cooperativeId: z.number().int(),
  year: z.number().int(),
  months: z.array(monthlyReportSchema),
});

/** The statuses a part has once the cooperative submitted it: the ones a review list shows. */
export const REVIEWABLE_PART_STATUSES = ['submitted', 'validated', 'returned'] as const;
export type ReviewablePartStatus = (typeof REVIEWABLE_PART_STATUSES)[number];

/** `GET /api/monthly-reports`: the parts of the cooperatives' months, across cooperatives; without `status`, every submitted or reviewed one. */
export const monthlyReportPartsQuery = z.strictObject({
  status: z.enum(REVIEWABLE_PART_STATUSES).optional(),
  year: yearSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type MonthlyReportPartsQuery = z.output<typeof monthlyReportPartsQuery>;

export const monthlyReportPartItemSchema = z.object({
  cooperativeId: z.number().int(),
  cooperativeName: z.string(),
  month: z.string(),
  serviceId: z.number().int(),
  serviceName: z.string(),
  status: z.enum(REVIEWABLE_PART_STATUSES),
  note: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** When the cooperative last submitted the month. */
  submittedAt: z.string().nullable(),
  totals: monthTotalsSchema,
});
export type MonthlyReportPartItem = z.infer<typeof monthlyReportPartItemSchema>;

export const monthlyReportPartsReply = z.object({ items: z.array(monthlyReportPartItemSchema), nextCursor: z.string().nullable() });
export type MonthlyReportPartsReply = z.infer<typeof monthlyReportPartsReply>;
