// The person's agreement and resources beside the budget: signatures of a content revision, and
// the benefits and income a person receives.
import { z } from 'zod';
import { BENEFIT_KINDS, SIGNATURE_METHODS, SIGNERS } from '../domain.ts';
import { recordDate, text } from './common.ts';
import { euroAmount } from './reference.ts';

export const signatureBody = z.strictObject({
  /** The content revision signed: the project's current one (its `revision`), else 409. */
  revision: z.number().int().positive(),
  signer: z.enum(SIGNERS),
  name: text(160),
  date: recordDate,
  method: z.enum(SIGNATURE_METHODS),
});
export type SignatureBody = z.input<typeof signatureBody>;

export const signatureSchema = z.object({
  id: z.number().int(),
  ptriId: z.number().int(),
  revision: z.number().int(),
  signer: z.enum(SIGNERS),
  /** Who signed, by name: withheld from roles the access table keeps it from. */
  name: z.string().optional(),
  date: z.string(),
  method: z.enum(SIGNATURE_METHODS),
  recordedBy: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Signature = z.infer<typeof signatureSchema>;

export const benefitInput = z
  .strictObject({
    kind: z.enum(BENEFIT_KINDS),
    monthlyAmount: euroAmount,
    from: recordDate,
    to: recordDate.nullable().optional(),
  })
  .refine((benefit) => !benefit.to || benefit.from <= benefit.to, { error: 'la data di fine precede quella di inizio', path: ['to'] });
export type BenefitInput = z.input<typeof benefitInput>;

/** The whole list of a person's benefits: a PUT replaces it. */
export const benefitsBody = z.array(benefitInput).max(30);

export const benefitSchema = z.object({
  kind: z.enum(BENEFIT_KINDS),
  monthlyAmount: z.number(),
  from: z.string(),
  to: z.string().nullable(),
});
export type Benefit = z.infer<typeof benefitSchema>;
