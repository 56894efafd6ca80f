import { z } from 'zod';
import { DEPARTMENT_PART_KINDS, PART_KINDS } from '../domain.ts';
import { MONTH_STATUSES } from './interventions.ts';
import { cursorSchema, limitSchema, longText, monthParams, yearSchema } from './common.ts';

export const reviewBody = z
  .strictObject({ decision: z.enum(['validated', 'returned']), note: longText(2000).optional() })
  .refine((body) => body.decision === 'validated' || !!body.note, {
    error: 'la nota è obbligatoria per restituire il mese',
    path: ['note'],
  });
export type ReviewBody = z.infer<typeof reviewBody>;

export const monthTotalsSchema = z.object({ interventions: z.number().int(), hours: z.number(), amount: z.number() });

/** Which part of a month: one service's (`serviceId` set) or a department-wide one (`serviceId` null). */
const partIdentity = {
  kind: z.enum(PART_KINDS),
  serviceId: z.number().int().nullable(),
  /** The service's name, or the department-wide part's Italian name. */
  serviceName: z.string(),
};

/** `POST /api/cooperatives/:id/reports/:month/parts/:kind/review`: a manager reviews a department-wide part. */
export const departmentPartParams = monthParams.extend({ kind: z.enum(DEPARTMENT_PART_KINDS) });

export const monthlyReportPartSchema = z.object({
  ...partIdentity,
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
  /** Only the department-wide parts (flats, community activities), which a manager reviews. */
  departmentWide: z
    .literal('true')
    .transform(() => true)
    .optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type MonthlyReportPartsQuery = z.output<typeof monthlyReportPartsQuery>;

export const monthlyReportPartItemSchema = z.object({
  cooperativeId: z.number().int(),
  cooperativeName: z.string(),
  month: z.string(),
  ...partIdentity,
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
