import { z } from 'zod';
import { text } from './common.ts';

/** One item of a scale: its neutral short label and range; `notKnown` is left out of the total. */
export const scaleItemSchema = z.strictObject({
  label: text(80),
  min: z.number().int().min(0).max(1000),
  max: z.number().int().min(0).max(1000),
  notKnown: z.number().int().min(0).max(1000).nullable().optional(),
  problemTypes: z
    .array(z.string().regex(/^[A-Z]$/))
    .max(26)
    .optional(),
});
export type ScaleItem = z.infer<typeof scaleItemSchema>;

/** How the total is computed: the sum of the known items, or how many items have one of `values`. */
export const scaleTotalSchema = z.union([
  z.strictObject({ kind: z.literal('sum') }),
  z.strictObject({ kind: z.literal('count'), values: z.array(z.number().int()).min(1) }),
]);
export type ScaleTotal = z.infer<typeof scaleTotalSchema>;

export const scaleSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  items: z.array(scaleItemSchema),
  total: scaleTotalSchema,
  higherIsBetter: z.boolean(),
  builtIn: z.boolean(),
  active: z.boolean(),
});
export type Scale = z.infer<typeof scaleSchema>;

export const scaleBody = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,29}$/, { error: 'codice: minuscole, cifre e _ (2–30)' }),
    name: text(120),
    items: z.array(scaleItemSchema).min(1).max(60),
    total: scaleTotalSchema,
    higherIsBetter: z.boolean(),
  })
  .refine((scale) => scale.items.every((item) => item.min <= item.max), { error: 'min maggiore di max', path: ['items'] });

/** An admin may rename a scale, relabel its items (same number) and retire it; ranges stay. */
export const scaleUpdateBody = z
  .strictObject({ name: text(120).optional(), itemLabels: z.array(text(80)).max(60).optional(), active: z.boolean().optional() })
  .refine((body) => Object.keys(body).length > 0, { error: 'nessun campo da modificare' });

export const scaleResultSchema = z.object({
  scale: z.string(),
  name: z.string(),
  items: z.array(z.number()),
  problemTypes: z.record(z.string(), z.string()).nullable(),
  total: z.number(),
  previousTotal: z.number().nullable(),
  change: z.number().nullable(),
  higherIsBetter: z.boolean(),
});
export type ScaleResult = z.infer<typeof scaleResultSchema>;
