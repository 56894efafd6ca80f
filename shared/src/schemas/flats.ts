// Lot 3: cohabitation flats, the stays of the persons in them and the flats' own hours.
import { z } from 'zod';
import { LIVING_SITUATIONS } from '../domain.ts';
import { cursorSchema, idSchema, limitSchema, longText, monthSchema, recordDate, reportLimitSchema, text, yearSchema } from './common.ts';
import { formatQuery } from './reports.ts';
import { interventionFields } from './interventions.ts';

const flatFields = z.strictObject({
  name: text(160),
  districtId: z.number().int().positive(),
  address: text(300),
  places: z.number().int().min(1, { error: 'almeno un posto' }).max(50),
  lotId: z.number().int().positive(),
  cooperativeId: z.number().int().positive(),
  openedOn: recordDate,
  closedOn: recordDate.nullable(),
});
const flatDatesInOrder = (flat: { openedOn?: string; closedOn?: string | null }) =>
  !flat.openedOn || !flat.closedOn || flat.openedOn <= flat.closedOn;
const flatDatesError = { error: "la chiusura precede l'apertura", path: ['closedOn'] };

export const flatBody = flatFields.extend({ closedOn: flatFields.shape.closedOn.optional() }).refine(flatDatesInOrder, flatDatesError);
export type FlatBody = z.infer<typeof flatBody>;
export const flatUpdateBody = flatFields
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'nessun campo da modificare' })
  .refine(flatDatesInOrder, flatDatesError);
export type FlatUpdateBody = z.infer<typeof flatUpdateBody>;

export const flatSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  districtId: z.number().int(),
  address: z.string(),
  places: z.number().int(),
  lotId: z.number().int(),
  cooperativeId: z.number().int(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  occupiedToday: z.number().int(),
  freeToday: z.number().int(),
});
export type Flat = z.infer<typeof flatSchema>;

export const flatsQuery = z.strictObject({
  districtId: idSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const flatsReply = z.object({ items: z.array(flatSchema), nextCursor: z.string().nullable() });
export type FlatsReply = z.infer<typeof flatsReply>;

/** A stay as the caller may see it: `ptriId` and `personName` only where the caller may see that person. */
export const staySchema = z.object({
  id: z.number().int(),
  flatId: z.number().int(),
  ptriId: z.number().int().nullable(),
  personName: z.string().nullable(),
  from: z.string(),
  to: z.string().nullable(),
  destination: z.enum(LIVING_SITUATIONS).nullable(),
  /** The exit's note: free text, for the managers only. */
  note: z.string().nullable().optional(),
});
export type Stay = z.infer<typeof staySchema>;

export const flatDetailSchema = flatSchema.extend({ stays: z.array(staySchema) });
export type FlatDetail = z.infer<typeof flatDetailSchema>;

export const stayBody = z
  .strictObject({ ptriId: z.number().int().positive(), from: recordDate, to: recordDate.optional() })
  .refine((body) => !body.to || body.from <= body.to, { error: "la fine precede l'ingresso", path: ['to'] });
export type StayBody = z.infer<typeof stayBody>;

/** A correction of a stay's dates; `to: null` reopens the planned end of a stay not yet ended. */
export const stayUpdateBody = z
  .strictObject({ from: recordDate.optional(), to: recordDate.nullable().optional() })
  .refine((body) => Object.keys(body).length > 0, { error: 'nessun campo da modificare' })
  .refine((body) => !body.from || !body.to || body.from <= body.to, { error: "la fine precede l'ingresso", path: ['to'] });
export type StayUpdateBody = z.infer<typeof stayUpdateBody>;

export const endStayBody = z.strictObject({
  date: recordDate,
  destination: z.enum(LIVING_SITUATIONS),
  note: longText(1000).optional(),
});
export type EndStayBody = z.infer<typeof endStayBody>;

/** Work for the flat as a whole: an activity of the habitat axis, no person. */
export const flatInterventionBody = z.strictObject({
  date: interventionFields.date,
  activity: interventionFields.activity,
  hours: interventionFields.hours,
  operatorRole: interventionFields.operatorRole,
  notes: interventionFields.notes,
});
export type FlatInterventionBody = z.infer<typeof flatInterventionBody>;

export const flatInterventionUpdateBody = flatInterventionBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'nessun campo da modificare' });
export type FlatInterventionUpdateBody = z.infer<typeof flatInterventionUpdateBody>;

export const flatInterventionSchema = z.object({
  id: z.number().int(),
  flatId: z.number().int(),
  date: z.string(),
  activity: z.string(),
  hours: z.number(),
  amount: z.number(),
  operatorRole: z.string(),
  notes: z.string().nullable(),
  /** Whether its month part is still open to changes (open or returned). */
  editable: z.boolean(),
});
export type FlatIntervention = z.infer<typeof flatInterventionSchema>;

export const flatInterventionsQuery = z.strictObject({ month: monthSchema });
export const flatInterventionsReply = z.object({ items: z.array(flatInterventionSchema) });

export const flatsReportQuery = z.strictObject({
  year: yearSchema,
  /** Flats per page, in id order. */
  limit: reportLimitSchema,
  /** The next page, from the previous reply's `nextCursor`. */
  cursor: cursorSchema,
  format: formatQuery,
});
export const flatsReportRowSchema = z.object({
  flatId: z.number().int(),
  name: z.string(),
  districtId: z.number().int(),
  places: z.number().int(),
  placeDaysAvailable: z.number().int(),
  placeDaysOccupied: z.number().int(),
  /** Occupied over available place-days, 0–1 (null with none available). */
  occupancy: z.number().nullable(),
  entries: z.number().int(),
  exits: z.partialRecord(z.enum(LIVING_SITUATIONS), z.number().int()),
  /** Mean length in days of the stays ended in the year. */
  averageStayDays: z.number().nullable(),
  flatHours: z.number(),
  personalHours: z.number(),
  hours: z.number(),
  amount: z.number(),
});
export type FlatsReportRow = z.infer<typeof flatsReportRowSchema>;
export const flatsReportReply = z.object({
  year: z.number().int(),
  throughDate: z.string().nullable(),
  /** Occupied place-days per month of the year (all the report's flats), for the chart. */
  months: z.array(z.object({ month: z.string(), placeDaysAvailable: z.number().int(), placeDaysOccupied: z.number().int() })),
  /** Every flat of the report together, computed by the server whatever the page. */
  totals: flatsReportRowSchema.omit({ flatId: true, name: true, districtId: true, places: true }),
  /** How many flats the report has in all. */
  total: z.number().int(),
  /** This page's flats. */
  rows: z.array(flatsReportRowSchema),
  nextCursor: z.string().nullable(),
});
export type FlatsReport = z.infer<typeof flatsReportReply>;

/** `GET /api/ptris/:id/stays`: the project's stays in flats, for its page. */
export const projectStaysReply = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      flatId: z.number().int(),
      flatName: z.string(),
      from: z.string(),
      to: z.string().nullable(),
      destination: z.enum(LIVING_SITUATIONS).nullable(),
    }),
  ),
});
export type ProjectStays = z.infer<typeof projectStaysReply>;
