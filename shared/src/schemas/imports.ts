// Caseload import and export (issue 22): the spreadsheet's columns, the preview and the result.
import { z } from 'zod';
import type { GoalStatus, Intensity } from '../domain.ts';
import { idSchema, yearSchema } from './common.ts';

/**
 * The columns of the caseload spreadsheet, in the order the export writes them, each with the
 * English name an import accepts as well.
 */
export const CASELOAD_COLUMNS = [
  ['codice_fiscale', 'fiscal_code'],
  ['cognome', 'family_name'],
  ['nome', 'given_name'],
  ['data_nascita', 'birth_date'],
  ['sesso', 'sex'],
  ['distretto', 'district'],
  ['servizio', 'service'],
  ['lotto', 'lot'],
  ['data_inizio', 'start_date'],
  ['data_fine', 'end_date'],
  ['stato', 'status'],
  ['data_chiusura', 'closed_on'],
  ['intensita', 'intensity'],
  ['cooperative', 'cooperatives'],
  ['case_manager', 'case_manager'],
  ['obiettivi_casa', 'goals_habitat'],
  ['obiettivi_socialita', 'goals_sociality'],
  ['obiettivi_lavoro', 'goals_work'],
  ['esito_obiettivi', 'goals_outcome'],
] as const;
export type CaseloadColumn = (typeof CASELOAD_COLUMNS)[number][0];

/** Several names or goals in one cell. */
export const CASELOAD_LIST_SEPARATOR = '|';

export const caseloadImportQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'], { error: 'deve essere true o false' })
    .default('true')
    .transform((value) => value === 'true'),
  /** The spreadsheet's name, kept in each imported project's history. */
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\p{Cc}/\\]*$/u, { error: 'nome di file non valido' })
    .optional(),
});

export const caseloadRowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type CaseloadRowError = z.infer<typeof caseloadRowError>;

export const caseloadImportReply = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  persons: z.object({ new: z.number().int(), matched: z.number().int() }),
  projects: z.object({ new: z.number().int(), present: z.number().int() }),
  /** Each spelling of a service in the file; `serviceId` is missing for one no service or alias knows. */
  services: z.array(z.object({ spelling: z.string(), serviceId: z.number().int().optional(), rows: z.array(z.number().int()) })),
  cooperatives: z.array(z.object({ spelling: z.string(), cooperativeId: z.number().int().optional(), rows: z.number().int() })),
  caseManagers: z.array(z.object({ username: z.string(), userId: z.number().int().optional(), rows: z.number().int() })),
  errors: z.array(caseloadRowError),
  /** The import that recorded the real run; missing for a dry run and for a file that brought nothing new. */
  importId: z.number().int().optional(),
  message: z.string(),
});
export type CaseloadImportReply = z.infer<typeof caseloadImportReply>;

export const caseloadExportQuery = z.strictObject({
  year: yearSchema.optional(),
  serviceId: idSchema.optional(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type CaseloadExportQuery = z.output<typeof caseloadExportQuery>;

/** The spreadsheet's words for a project's status and intensity. */
export const CASELOAD_STATUS_VALUES = { active: 'attivo', suspended: 'sospeso', closed: 'chiuso' } as const;
export const CASELOAD_INTENSITY_VALUES = { high: 'alta', medium: 'media', low: 'bassa' } as const satisfies Record<Intensity, string>;
/** How a closed project's goals ended (`esito_obiettivi`); left empty, they are "non valutato". */
export const CASELOAD_GOAL_OUTCOME_VALUES = {
  achieved: 'raggiunto',
  partly_achieved: 'parzialmente raggiunto',
  not_achieved: 'non raggiunto',
  not_assessed: 'non valutato',
} as const satisfies Partial<Record<GoalStatus, string>>;
