import { z } from 'zod';
import { SEXES, PTRI_STATUSES } from '../domain.ts';
import { fiscalCodeContradictions, fiscalCodeProblem, normaliseFiscalCode } from '../fiscal-code.ts';
import { pastDate, limitSchema, cursorSchema, longText, text } from './common.ts';

export const fiscalCodeSchema = z
  .string()
  .max(32)
  .transform(normaliseFiscalCode)
  .superRefine((code, ctx) => {
    if (code === '') {
      ctx.addIssue({ code: 'custom', message: 'campo obbligatorio' });
      return;
    }
    const problem = fiscalCodeProblem(code);
    if (problem === 'format') ctx.addIssue({ code: 'custom', message: 'codice fiscale non nel formato corretto' });
    if (problem === 'checkChar') ctx.addIssue({ code: 'custom', message: 'carattere di controllo del codice fiscale errato' });
  });

const nameSchema = text(80).regex(/^[\p{L}' .-]+$/u, { error: 'solo lettere, spazi, apostrofo e trattino' });

const IDENTITY_FIELDS = ['fiscalCode', 'birthDate', 'sex'];
const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A person's registration fields, each checked on its own (the import reads some of them from a file). */
export const personFields = z.strictObject({
  fiscalCode: fiscalCodeSchema,
  givenName: nameSchema,
  familyName: nameSchema,
  birthDate: pastDate,
  sex: z.enum(SEXES),
  districtId: z.number().int().positive(),
});

export const createPersonBody = personFields.superRefine(
  (body, ctx) => {
    const contradictions = fiscalCodeContradictions(body.fiscalCode, body.birthDate, body.sex);
    for (const [path, message] of Object.entries(contradictions)) ctx.addIssue({ code: 'custom', path: [path], message });
  },
  // Checked whenever the three fields are valid, so that it shows beside the other fields' errors.
  {
    when: (payload) =>
      isRecord(payload.value) && !payload.issues.some((issue) => !issue.path?.length || IDENTITY_FIELDS.includes(String(issue.path[0]))),
  },
);
export type CreatePersonBody = z.input<typeof createPersonBody>;

/** Why a service takes into its care a person another service registered. */
export const takeInCareBody = z.strictObject({ reason: longText(1000) });
export type TakeInCareBody = z.infer<typeof takeInCareBody>;

export const personSchema = z.object({
  id: z.number().int(),
  /** Omitted for roles whose work does not need it (cooperatives). */
  fiscalCode: z.string().optional(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string().optional(),
  sex: z.enum(SEXES).optional(),
  districtId: z.number().int(),
});
export type Person = z.infer<typeof personSchema>;

export const personProjectSummary = z.object({
  id: z.number().int(),
  serviceId: z.number().int(),
  lotId: z.number().int(),
  status: z.enum(PTRI_STATUSES),
  startDate: z.string(),
  endDate: z.string(),
  /** The project this one continues: the person's chain of projects. */
  renewsPtriId: z.number().int().nullable().optional(),
});

export const personDetailSchema = personSchema.extend({ projects: z.array(personProjectSummary) });
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const personListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
