// Lot 4 (PACo): community activities, the persons enrolled in them, their sessions, and the
// yearly report. Distinct from the intervention activities per axis (`activities.ts`).
import { z } from 'zod';
import { AXES } from '../domain.ts';
import { cursorSchema, idSchema, limitSchema, longText, noRepeats, recordDate, reportLimitSchema, text, yearSchema } from './common.ts';
import { interventionHours } from './interventions.ts';
import { formatQuery } from './reports.ts';

const id = z.number().int().positive();

export const communityActivityFields = {
  title: text(160),
  axis: z.enum(AXES),
  districtId: id,
  place: text(200),
  from: recordDate,
  to: recordDate.nullable().optional(),
  description: longText(2000).nullable().optional(),
};

const periodInOrder = (body: { from?: string; to?: string | null }) => !body.from || !body.to || body.to >= body.from;
const periodMessage = { error: 'la fine non può precedere l’inizio', path: ['to'] };

/** A Lot 4 cooperative creates its own activity; the admin names the cooperative. */
export const createCommunityActivityBody = z
  .strictObject({ ...communityActivityFields, cooperativeId: id.optional() })
  .refine(periodInOrder, periodMessage);
export type CreateCommunityActivityBody = z.infer<typeof createCommunityActivityBody>;

export const updateCommunityActivityBody = z
  .strictObject({
    title: communityActivityFields.title.optional(),
    axis: communityActivityFields.axis.optional(),
    districtId: communityActivityFields.districtId.optional(),
    place: communityActivityFields.place.optional(),
    from: communityActivityFields.from.optional(),
    to: communityActivityFields.to,
    description: communityActivityFields.description,
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'nessun campo da modificare' })
  .refine(periodInOrder, periodMessage);
export type UpdateCommunityActivityBody = z.infer<typeof updateCommunityActivityBody>;

export const communityActivitySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  axis: z.enum(AXES),
  districtId: z.number().int(),
  place: z.string(),
  cooperativeId: z.number().int(),
  lotId: z.number().int(),
  from: z.string(),
  to: z.string().nullable(),
  description: z.string().nullable(),
});
export type CommunityActivity = z.infer<typeof communityActivitySchema>;

export const communityActivityListQuery = z.strictObject({
  districtId: z.coerce.number().int().positive().optional(),
  axis: z.enum(AXES).optional(),
  cooperativeId: z.coerce.number().int().positive().optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

/** An enrolled person as a viewer who may see them receives them: the project and the name, nothing else. */
export const communityEnrolmentSchema = z.object({
  ptriId: z.number().int(),
  personName: z.string(),
  enrolledOn: z.string(),
});
export type CommunityEnrolment = z.infer<typeof communityEnrolmentSchema>;

export const communitySessionSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  hours: z.number(),
  operators: z.number().int(),
  /** hours × operators: what the lot pays for. */
  billedHours: z.number(),
  amount: z.number(),
  /** Attendees with a project: the ids only of those the viewer may see. */
  attendeePtriIds: z.array(z.number().int()),
  /** How many enrolled persons attended, whoever they are. */
  attendees: z.number().int(),
  otherParticipants: z.number().int(),
  volunteers: z.number().int(),
  note: z.string().nullable().optional(),
});
export type CommunitySession = z.infer<typeof communitySessionSchema>;

/** `GET /api/community-activities/:id/sessions`: newest first, page by page, with how many there are. */
export const communitySessionsQuery = z.strictObject({ limit: limitSchema, cursor: cursorSchema });
export const communitySessionsReply = z.object({
  items: z.array(communitySessionSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type CommunitySessionsPage = z.infer<typeof communitySessionsReply>;

export const communityActivityDetailSchema = communityActivitySchema.extend({
  enrolled: z.array(communityEnrolmentSchema),
  sessions: z.array(communitySessionSchema),
});
export type CommunityActivityDetail = z.infer<typeof communityActivityDetailSchema>;

export const enrolBody = z.strictObject({ ptriId: id });
export const enrolmentParams = z.strictObject({ id: idSchema, ptriId: idSchema });

const count = (max: number) =>
  z
    .number({ error: 'un numero intero' })
    .int({ error: 'un numero intero' })
    .min(0, { error: 'non può essere negativo' })
    .max(max, { error: `al massimo ${max}` });

export const createSessionBody = z.strictObject({
  date: recordDate,
  hours: interventionHours,
  operators: count(50).min(1, { error: 'almeno un operatore' }),
  attendeePtriIds: z.array(id).max(500).superRefine(noRepeats<number>('progetto')).default([]),
  otherParticipants: count(10_000),
  volunteers: count(1_000),
  note: longText(1000).nullable().optional(),
});
export type CreateSessionBody = z.infer<typeof createSessionBody>;

/** An activity a person's project is enrolled in, as the project page shows it. */
export const projectCommunityActivitySchema = z.object({
  activityId: z.number().int(),
  title: z.string(),
  axis: z.enum(AXES),
  districtId: z.number().int(),
  place: z.string(),
  enrolledOn: z.string(),
  endedOn: z.string().nullable(),
  attendances: z.number().int(),
  lastAttended: z.string().nullable(),
});
export type ProjectCommunityActivity = z.infer<typeof projectCommunityActivitySchema>;

export const communityReportQuery = z.strictObject({
  year: yearSchema,
  districtId: z.coerce.number().int().positive().optional(),
  axis: z.enum(AXES).optional(),
  /** Activities per page, in id order. */
  limit: reportLimitSchema,
  /** The next page, from the previous reply's `nextCursor`. */
  cursor: cursorSchema,
  format: formatQuery,
});

/** The figures of a set of sessions; `persons` are distinct persons with a project who attended, never NR_UT users. */
const communityFigures = {
  sessions: z.number().int(),
  /** Billed hours: each session's hours × its operators. */
  hours: z.number(),
  amount: z.number(),
  persons: z.number().int(),
  attendances: z.number().int(),
  otherParticipants: z.number().int(),
  volunteers: z.number().int(),
};

export const communityReportRowSchema = z.object({
  activityId: z.number().int(),
  title: z.string(),
  axis: z.enum(AXES),
  districtId: z.number().int(),
  cooperativeId: z.number().int(),
  ...communityFigures,
});

export const communityReportReply = z.object({
  year: z.number().int(),
  /** The last day counted: 31 December, or today while the year lasts; null before it begins. */
  throughDate: z.string().nullable(),
  /** This page's activities; the totals below are of every activity of the filter. */
  rows: z.array(communityReportRowSchema),
  nextCursor: z.string().nullable(),
  byDistrict: z.array(z.object({ districtId: z.number().int(), activities: z.number().int(), ...communityFigures })),
  byAxis: z.array(z.object({ axis: z.enum(AXES), activities: z.number().int(), ...communityFigures })),
  total: z.object({ activities: z.number().int(), ...communityFigures }),
});
export type CommunityReport = z.infer<typeof communityReportReply>;
