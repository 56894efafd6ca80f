// What became of the persons: contacts after a project's closure and the outcomes report.
import { z } from 'zod';
import { AXES, LIVING_SITUATIONS, WORK_SITUATIONS } from '../domain.ts';
import { isoDate, longText, yearSchema } from './common.ts';
import { formatQuery } from './reports.ts';

export const followUpBody = z.strictObject({
  date: isoDate,
  living: z.enum(LIVING_SITUATIONS),
  work: z.enum(WORK_SITUATIONS),
  note: longText(2000).optional(),
});
export type FollowUpBody = z.input<typeof followUpBody>;

export const followUpSchema = z.object({
  id: z.number().int(),
  ptriId: z.number().int(),
  date: z.string(),
  living: z.enum(LIVING_SITUATIONS),
  work: z.enum(WORK_SITUATIONS),
  note: z.string().nullable(),
  recordedBy: z.number().int().nullable(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const outcomesQuery = z.strictObject({
  year: yearSchema,
  serviceId: z.coerce.number().int().positive().optional(),
  lot: z.coerce.number().int().min(1).max(99).optional(),
  format: formatQuery,
});

const transitionCount = <T extends readonly [string, ...string[]]>(values: T) =>
  z.object({ from: z.enum(values), to: z.enum(values), n: z.number().int() });

const goalCounts = z.object({
  achieved: z.number().int(),
  partlyAchieved: z.number().int(),
  notAchieved: z.number().int(),
  /** Closed with no outcome on record (projects imported already closed). */
  notAssessed: z.number().int(),
  open: z.number().int(),
});

export const outcomesRowSchema = z.object({
  serviceId: z.number().int(),
  serviceName: z.string(),
  /** Projects with a UVM evaluation dated in the year. */
  evaluated: z.number().int(),
  /** HoNOS total at the first evaluation against the latest up to the year's end (lower is better): change = latest − first. */
  honos: z.object({ pairs: z.number().int(), meanChange: z.number().nullable(), medianChange: z.number().nullable() }),
  goals: z.object(Object.fromEntries(AXES.map((axis) => [axis, goalCounts])) as Record<(typeof AXES)[number], typeof goalCounts>),
  living: z.array(transitionCount(LIVING_SITUATIONS)),
  work: z.array(transitionCount(WORK_SITUATIONS)),
  medianDaysSubmissionToActive: z.number().nullable(),
  medianDaysDraftToActive: z.number().nullable(),
  followUps: z.number().int(),
});
export type OutcomesRow = z.infer<typeof outcomesRowSchema>;

export const outcomesReply = z.object({ year: z.number().int(), rows: z.array(outcomesRowSchema) });
export type OutcomesReport = z.infer<typeof outcomesReply>;
