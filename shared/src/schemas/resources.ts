// The catalogue of community resources: what the territory offers per district and axis, for the
// budget lines of the projects to point at ("sapere cosa offre il territorio e usarlo").
import { z } from 'zod';
import { AXES, PROVIDER_KINDS, RESOURCE_KINDS } from '../domain.ts';
import { cursorSchema, limitSchema, noRepeats, text } from './common.ts';
import { formatQuery } from './reports.ts';

/** The number of the national register of third-sector bodies (RUNTS): digits, as the register prints it. */
const runtsNumber = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/, { error: 'numero RUNTS: da 1 a 12 cifre' });

const resourceFields = z.strictObject({
  name: text(160),
  kind: z.enum(RESOURCE_KINDS),
  axis: z.enum(AXES),
  districtIds: z.array(z.number().int().positive()).min(1, { error: 'almeno un distretto' }).max(20).superRefine(noRepeats('distretto')),
  provider: text(160),
  providerKind: z.enum(PROVIDER_KINDS),
  runtsNumber: runtsNumber.nullable(),
  contact: text(300).nullable(),
  active: z.boolean(),
});

/** A RUNTS number belongs to a third-sector body only. */
const runtsOnlyForEts = (body: { providerKind?: string; runtsNumber?: string | null }) =>
  !body.runtsNumber || body.providerKind === undefined || body.providerKind === 'ets';
const runtsError = { error: 'il numero RUNTS è solo degli Enti del Terzo Settore', path: ['runtsNumber'] };

export const resourceBody = resourceFields
  .extend({
    runtsNumber: resourceFields.shape.runtsNumber.optional(),
    contact: resourceFields.shape.contact.optional(),
    active: z.boolean().default(true),
  })
  .refine(runtsOnlyForEts, runtsError);
export type ResourceBody = z.input<typeof resourceBody>;

// An update carries no defaults: an absent field stays as it is.
export const resourceUpdateBody = resourceFields
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'nessun campo da modificare' })
  .refine(runtsOnlyForEts, runtsError);

export const resourceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  axis: z.enum(AXES),
  districtIds: z.array(z.number().int()),
  provider: z.string(),
  providerKind: z.enum(PROVIDER_KINDS),
  runtsNumber: z.string().nullable(),
  contact: z.string().nullable(),
  active: z.boolean(),
  /** Active projects with a budget line pointing at the resource, whoever's they are (a count, no names). */
  projectsUsing: z.number().int(),
});
export type Resource = z.infer<typeof resourceSchema>;

export const resourcesQuery = z.strictObject({
  districtId: z.coerce.number().int().positive().optional(),
  axis: z.enum(AXES).optional(),
  /** Words of the name or the provider, each matched as a word prefix. */
  q: z.string().trim().max(100).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

/** How many resources the catalogue's filters select; `capped` past the count's limit. */
export const resourcesCountQuery = resourcesQuery.omit({ limit: true, cursor: true });
export const resourcesCountReply = z.object({ total: z.number().int(), capped: z.boolean() });
export type ResourcesCount = z.infer<typeof resourcesCountReply>;

/** One resource with the active projects using it that the caller may see (the others only counted). */
export const resourceDetailSchema = resourceSchema.extend({
  projects: z.array(z.object({ ptriId: z.number().int(), personName: z.string() })),
});
export type ResourceDetail = z.infer<typeof resourceDetailSchema>;

export const resourcesReportQuery = z.strictObject({ format: formatQuery });

export const resourcesReportRowSchema = z.object({
  districtId: z.number().int(),
  districtName: z.string(),
  axis: z.enum(AXES),
  /** Active resources serving the district on the axis. */
  resources: z.number().int(),
  /** Of those, the ones some active project's budget points at. */
  inUse: z.number().int(),
  /** Active projects with a budget line pointing at one of them. */
  projectsUsing: z.number().int(),
});
export type ResourcesReportRow = z.infer<typeof resourcesReportRowSchema>;

export const resourcesReportReply = z.object({ rows: z.array(resourcesReportRowSchema) });
export type ResourcesReport = z.infer<typeof resourcesReportReply>;
