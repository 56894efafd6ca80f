import { z } from 'zod';
import { INTENSITIES } from '../domain.ts';
import { cursorSchema, isoDate, monthSchema, yearSchema } from './common.ts';
import { formatQuery } from './reports.ts';

const money = z.object({ interventions: z.number().int(), hours: z.number(), amount: z.number() });

export const lotTotalsQuery = z
  .strictObject({ year: yearSchema.optional(), month: monthSchema.optional(), format: formatQuery })
  .refine((query) => query.year !== undefined || query.month !== undefined, { error: 'indicare year o month', path: ['year'] })
  .refine((query) => !query.year || !query.month || query.month.startsWith(String(query.year)), {
    error: "il mese non è nell'anno indicato",
    path: ['month'],
  });

export const lotCooperativeTotalsSchema = z.object({
  cooperativeId: z.number().int(),
  cooperativeName: z.string(),
  /** Persons who received at least one intervention in the period: not the users of NR_UT. */
  personsWithInterventions: z.number().int(),
  projectsWithInterventions: z.number().int(),
  validated: money,
  pending: money,
  /** Lot 4: distinct persons with a project who attended its community activities (never NR_UT users). */
  persons: z.number().int().optional(),
  /** Lot 4: participants without a project counted at its community sessions. */
  otherParticipants: z.number().int().optional(),
});

export const lotTotalsSchema = z.object({
  lotId: z.number().int(),
  lotNumber: z.number().int(),
  title: z.string(),
  hourlyRate: z.number().nullable(),
  ceiling: z.number().nullable(),
  /** Persons who received at least one intervention in the period: not the users of NR_UT. */
  personsWithInterventions: z.number().int(),
  projectsWithInterventions: z.number().int(),
  validated: money,
  pending: money,
  /** Share of the lot's ceiling used by the validated amount, and by validated + pending; null without a ceiling. */
  ceilingShare: z.number().nullable(),
  ceilingShareWithPending: z.number().nullable(),
  /** Lot 4: distinct persons with a project who attended its community activities (never NR_UT users). */
  persons: z.number().int().optional(),
  /** Lot 4: participants without a project counted at its community sessions. */
  otherParticipants: z.number().int().optional(),
  cooperatives: z.array(lotCooperativeTotalsSchema),
});

export const lotTotalsReply = z.object({
  period: z.string(),
  /** The last day counted: the period's last day, or today while it lasts; null before it begins. */
  throughDate: z.string().nullable(),
  lots: z.array(lotTotalsSchema),
});
export type LotTotals = z.infer<typeof lotTotalsReply>;

export const caseloadQuery = z.strictObject({
  serviceId: z.coerce.number().int().positive().optional(),
  date: isoDate.optional(),
  format: formatQuery,
});

const perAxis = z.object({ habitat: z.number().int(), sociality: z.number().int(), work: z.number().int() });

export const caseloadRowSchema = z.object({
  serviceId: z.number().int(),
  serviceCode: z.string(),
  serviceName: z.string(),
  projects: z.number().int(),
  byIntensity: z.object(
    Object.fromEntries(INTENSITIES.map((i) => [i, z.number().int()])) as Record<(typeof INTENSITIES)[number], z.ZodNumber>,
  ),
  /** Open goals on each axis among the active projects. */
  openGoals: perAxis,
  reviewsOverdue: z.number().int(),
  reviewsDueWithin30: z.number().int(),
  /** Active projects past their planned end: to renew or close. */
  expired: z.number().int(),
});
export const caseloadReply = z.object({ date: z.string(), rows: z.array(caseloadRowSchema), total: z.number().int() });
export type Caseload = z.infer<typeof caseloadReply>;

export const reviewsDueQuery = z.strictObject({
  within: z.coerce.number().int().min(0).max(365).default(30),
  serviceId: z.coerce.number().int().positive().optional(),
  /** Page size: the most urgent first. Default 100 on screen, 2000 for a CSV export. */
  limit: z.coerce.number().int().min(1).max(2000).optional(),
  /** The next page, from the previous reply's `nextCursor`. */
  cursor: cursorSchema,
  format: formatQuery,
});

export const reviewDueSchema = z.object({
  ptriId: z.number().int(),
  personName: z.string(),
  serviceId: z.number().int(),
  serviceName: z.string(),
  status: z.string(),
  nextReviewDate: z.string(),
  /** Negative when the review is overdue. */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  /** Past its planned end: to renew or close. */
  expired: z.boolean(),
});
export const reviewsDueReply = z.object({
  date: z.string(),
  within: z.number().int(),
  overdue: z.number().int(),
  near: z.number().int(),
  items: z.array(reviewDueSchema),
  /** Set when more projects follow this page; `overdue + near` is the whole count. */
  nextCursor: z.string().nullable(),
});
export type ReviewsDue = z.infer<typeof reviewsDueReply>;
