import { z } from 'zod';
import { AXES } from '../domain.ts';
import { cursorSchema, limitSchema, recordDate, longText, monthSchema, text } from './common.ts';

/** Status of a cooperative's month, and of the part of it one service reviews. */
export const MONTH_STATUSES = ['open', 'submitted', 'returned', 'validated'] as const;
export type MonthStatus = (typeof MONTH_STATUSES)[number];
export type PartStatus = MonthStatus;

/**
 * Whether the interventions of one service's part of a cooperative's month may change: while
 * the month is open, or once returned for the parts that were returned or never submitted.
 */
export function partEditable(monthStatus: MonthStatus | undefined, partStatus: MonthStatus | undefined): boolean {
  if (!monthStatus || monthStatus === 'open') return true;
  if (monthStatus !== 'returned') return false;
  return partStatus === undefined || partStatus === 'returned' || partStatus === 'open';
}

/** Whether a cooperative's month takes new work, uploads and its submission: open, or returned. */
export const monthTakesWork = (monthStatus: MonthStatus | undefined): boolean => partEditable(monthStatus, undefined);

/** Hours of one intervention: more than zero, at most 24, in quarter hours. */
export const interventionHours = z
  .number({ error: 'ore: un numero' })
  .positive({ error: 'deve essere maggiore di zero' })
  .max(24, { error: 'al massimo 24 ore' })
  .multipleOf(0.25, { error: "a quarti d'ora (0,25)" });

export const interventionFields = {
  date: recordDate,
  axis: z.enum(AXES),
  activity: text(120),
  hours: interventionHours,
  operatorRole: text(80),
  notes: longText(1000).nullable().optional(),
};

export const createInterventionBody = z.strictObject(interventionFields);
export type CreateInterventionBody = z.infer<typeof createInterventionBody>;

export const updateInterventionBody = z
  .strictObject({
    date: interventionFields.date.optional(),
    axis: interventionFields.axis.optional(),
    activity: interventionFields.activity.optional(),
    hours: interventionFields.hours.optional(),
    operatorRole: interventionFields.operatorRole.optional(),
    notes: interventionFields.notes,
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'nessun campo da modificare' });
export type UpdateInterventionBody = z.infer<typeof updateInterventionBody>;

export const interventionSchema = z.object({
  id: z.number().int(),
  ptriId: z.number().int().nullable(),
  cooperativeId: z.number().int(),
  lotId: z.number().int(),
  serviceId: z.number().int(),
  date: z.string(),
  month: z.string(),
  axis: z.enum(AXES),
  activityId: z.number().int(),
  activity: z.string(),
  hours: z.number(),
  amount: z.number(),
  operatorRole: z.string(),
  notes: z.string().nullable(),
  uploadId: z.number().int().nullable(),
  createdAt: z.string(),
  /** Whether the month part it belongs to is open to changes. */
  editable: z.boolean(),
});
export type Intervention = z.infer<typeof interventionSchema>;

export const interventionListQuery = z.strictObject({
  ptriId: z.coerce.number().int().positive().optional(),
  cooperativeId: z.coerce.number().int().positive().optional(),
  month: monthSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const activitySchema = z.object({ id: z.number().int(), axis: z.enum(AXES), label: z.string(), active: z.boolean() });
export type Activity = z.infer<typeof activitySchema>;
export const activityBody = z.strictObject({ axis: z.enum(AXES), label: text(120), active: z.boolean().default(true) });
export const activityUpdateBody = z
  .strictObject({ label: text(120).optional(), active: z.boolean().optional() })
  .refine((body) => Object.keys(body).length > 0, { error: 'nessun campo da modificare' });

export const uploadReply = z.object({
  uploadId: z.number().int(),
  rows: z.number().int(),
  alreadyUploaded: z.boolean(),
  message: z.string(),
});
export type UploadReply = z.infer<typeof uploadReply>;

/**
 * The columns of a month's CSV file as the template writes them and the hint names them; the
 * upload also takes the English names (ptriId, date, axis, activity, hours, operatorRole, notes).
 */
export const UPLOAD_CSV_COLUMNS = ['progetto', 'data', 'asse', 'attivita', 'ore', 'ruolo_operatore', 'note'] as const;

/** One bad row of an uploaded CSV file, by its line in the file; line 1 is the header. */
export interface UploadRowError {
  row: number;
  field: string;
  message: string;
}
