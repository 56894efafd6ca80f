import { z } from 'zod';
import { systemClock, today, type Clock } from '../dates.ts';

/**
 * A record's id in a path: a plain positive decimal integer, as the API writes it. Forms that
 * JavaScript's Number() would also read (`0x10`, `1e2`, ` 1`, `01`) are refused, so one record
 * has one address.
 */
export const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, { error: 'deve essere un numero intero positivo (solo cifre, senza zeri iniziali)' })
  .transform(Number);
export const idParams = z.strictObject({ id: idSchema });

/**
 * A calendar date YYYY-MM-DD that exists (2025-02-30 is refused). The message names the format
 * the user types in an Italian date box, an empty box (or one left half-typed) is a missing date.
 */
export const isoDate = z.iso.date({
  error: (issue) => (issue.input === '' || issue.input === undefined ? 'campo obbligatorio' : 'data non valida: scrivere gg/mm/aaaa'),
});

/** No date the department records precedes this one (birth dates included). */
export const EARLIEST_DATE = '1900-01-01';
/** How far ahead of the current year a planned date (a project's end, a review) may lie. */
export const YEARS_AHEAD = 10;

/** The last day a planned date may fall on: 31 December, YEARS_AHEAD years after the current one. */
export function latestDate(clock: Clock = systemClock): string {
  return `${Number(today(clock).slice(0, 4)) + YEARS_AHEAD}-12-31`;
}

/**
 * A date the department records (a project's period, an evaluation, a birth, a piece of work):
 * from 1900 to at most YEARS_AHEAD years ahead. Whether it may lie in the future at all is the
 * server's rule per field, against its own today.
 */
export const recordDate = isoDate
  .refine((date) => date >= EARLIEST_DATE, { error: 'non può precedere il 01/01/1900', abort: true })
  .refine((date) => date <= latestDate(), { error: `non può superare di oltre ${YEARS_AHEAD} anni l'anno in corso`, abort: true });

/** A date that has already come, in Bologna (a birth). */
export const pastDate = recordDate.refine((date) => date <= today(), { error: 'non può essere nel futuro' });

export const yearSchema = z.coerce.number().int().min(2000).max(2100);
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'deve essere un mese nel formato AAAA-MM' });

/** A cooperative's month in a path: `/api/cooperatives/:id/reports/:month/…`. */
export const monthParams = idParams.extend({ month: monthSchema });

/** Refuses a list that names the same item twice, on the repeated item (`cooperativeIds.2`). */
export function noRepeats<T>(what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    items.forEach((item, index) => {
      if (items.indexOf(item) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `${what} ripetuto nella lista` });
    });
  };
}

export const limitSchema = z.coerce.number().int().min(1).max(500).default(50);
export const cursorSchema = z.string().max(200).optional();
/** Rows per page of a report whose rows grow with the data (default 100); its CSV holds every row and ignores it. */
export const reportLimitSchema = z.coerce.number().int().min(1).max(2000).optional();

export function listReply<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A page of a list reply, items of type T (what `listReply` describes). */
export type ListPage<T> = Omit<z.infer<ReturnType<typeof listReply<z.ZodUnknown>>>, 'items'> & { items: T[] };

/** A trimmed, non-empty line of text without control characters. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: 'non può essere vuoto' })
    .max(max, { error: `al massimo ${max} caratteri` })
    .regex(/^[^\p{Cc}]*$/u, { error: 'contiene caratteri di controllo' });
}

/** Free text that may span lines (notes, descriptions). */
export function longText(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: 'non può essere vuoto' })
    .max(max, { error: `al massimo ${max} caratteri` })
    .regex(/^(?:[^\p{Cc}]|[\n\t])*$/u, { error: 'contiene caratteri di controllo' });
}

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** The person already registered with the codice fiscale given (409 of POST /api/persons). */
  personId: z.number().int().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
