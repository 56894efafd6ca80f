import { z } from 'zod';
import { SERVICE_KINDS } from '../domain.ts';
import { noRepeats, recordDate, text } from './common.ts';

const nonEmpty = { error: 'nessun campo da modificare' };
const hasFields = (body: object) => Object.keys(body).length > 0;

export const districtSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export type District = z.infer<typeof districtSchema>;

export const districtBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,20}$/, { error: 'codice: maiuscole, cifre e trattino (2–20)' }),
  name: text(120),
});
export const districtUpdateBody = districtBody.partial().refine(hasFields, nonEmpty);

export const serviceSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.enum(SERVICE_KINDS),
  name: z.string(),
  districtId: z.number().int(),
  aliases: z.array(z.string()),
  active: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

const serviceFields = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,30}$/, { error: 'codice: maiuscole, cifre e trattino (2–30)' }),
  kind: z.enum(SERVICE_KINDS),
  name: text(120),
  districtId: z.number().int().positive(),
  aliases: z.array(text(120)).max(20).superRefine(noRepeats('nome')),
  active: z.boolean(),
});
export const serviceBody = serviceFields.extend({ aliases: serviceFields.shape.aliases.default([]), active: z.boolean().default(true) });
// Update bodies carry no defaults: an absent field stays as it is.
export const serviceUpdateBody = serviceFields.partial().refine(hasFields, nonEmpty);

export const cooperativeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  vatNumber: z.string().nullable(),
  active: z.boolean(),
});
export type Cooperative = z.infer<typeof cooperativeSchema>;

const cooperativeFields = z.strictObject({
  name: text(160),
  vatNumber: z
    .string()
    .regex(/^\d{11}$/, { error: 'partita IVA: 11 cifre' })
    .nullable(),
  active: z.boolean(),
});
export const cooperativeBody = cooperativeFields.extend({
  vatNumber: cooperativeFields.shape.vatNumber.optional(),
  active: z.boolean().default(true),
});
export const cooperativeUpdateBody = cooperativeFields.partial().refine(hasFields, nonEmpty);

/** Euro amounts travel as numbers with at most two decimals; the database keeps cents. */
export const euroAmount = z
  .number()
  .nonnegative({ error: 'non può essere negativo' })
  .max(1_000_000_000)
  .multipleOf(0.01, { error: 'al massimo due decimali' });

export const lotSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  tenderYear: z.number().int(),
  tenderStart: z.string(),
  tenderEnd: z.string(),
  serviceKinds: z.array(z.enum(SERVICE_KINDS)),
  contractor: z.string(),
  cooperativeIds: z.array(z.number().int()),
  /** The executing members (consorziate esecutrici): where any, only they take the lot's projects and flats. */
  executingCooperativeIds: z.array(z.number().int()),
  hourlyRate: z.number().nullable(),
  ceiling: z.number().nullable(),
});
export type Lot = z.infer<typeof lotSchema>;

const lotFields = z.strictObject({
  number: z.number().int().min(1).max(99),
  title: text(300),
  tenderYear: z.number().int().min(2000).max(2100),
  /** The framework agreement's period: no work of the lot is dated before its start. */
  tenderStart: recordDate,
  tenderEnd: recordDate,
  serviceKinds: z.array(z.enum(SERVICE_KINDS)).min(1),
  contractor: text(300),
  cooperativeIds: z.array(z.number().int().positive()).max(100).superRefine(noRepeats('elemento')),
  executingCooperativeIds: z.array(z.number().int().positive()).max(100).superRefine(noRepeats('elemento')),
  hourlyRate: euroAmount.nullable(),
  ceiling: euroAmount.nullable(),
});
const tenderInOrder = (lot: { tenderStart?: string; tenderEnd?: string }) =>
  !lot.tenderStart || !lot.tenderEnd || lot.tenderStart <= lot.tenderEnd;
const tenderOrderError = { error: 'la fine della gara precede il suo inizio', path: ['tenderEnd'] };

export const lotBody = lotFields
  .extend({
    cooperativeIds: lotFields.shape.cooperativeIds.default([]),
    executingCooperativeIds: lotFields.shape.executingCooperativeIds.default([]),
    hourlyRate: lotFields.shape.hourlyRate.optional(),
    ceiling: lotFields.shape.ceiling.optional(),
  })
  .refine(tenderInOrder, tenderOrderError);
export const lotUpdateBody = lotFields.partial().refine(hasFields, nonEmpty).refine(tenderInOrder, tenderOrderError);
