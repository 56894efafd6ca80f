import { z } from 'zod';

export const idSchema = z.coerce.number().int().positive();
export const idParams = z.strictObject({ id: idSchema });

/**
 * A calendar date YYYY-MM-DD that exists (2025-02-30 is refused). The message names the format
 * the user types in an Italian date box, an empty box (or one left half-typed) is a missing date.
 */
export const isoDate = z.iso.date({ error: (issue) => (issue.input === '' || issue.input === undefined ? 'campo obbligatorio' : 'data non valida: scrivere gg/mm/aaaa') });

export const yearSchema = z.coerce.number().int().min(2000).max(2100);
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'deve essere un mese nel formato AAAA-MM' });

export const limitSchema = z.coerce.number().int().min(1).max(500).default(50);
export const cursorSchema = z.string().max(200).optional();

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
});
export type Problem = z.infer<typeof problemSchema>;
