import { z } from 'zod';
import { yearSchema } from './common.ts';

export const formatQuery = z.enum(['json', 'csv']).optional();

export const yearlyCountsQuery = z.strictObject({
  year: yearSchema,
  lot: z.coerce.number().int().min(1).max(99).default(1),
  format: formatQuery,
});

export const yearlyCountsReply = z.object({
  year: z.number().int(),
  lot: z.number().int(),
  /** The last day counted: 31 December, or today in the current year; null for a year not begun. */
  throughDate: z.string().nullable(),
  rows: z.array(z.object({ serviceId: z.number().int(), serviceCode: z.string(), serviceName: z.string(), users: z.number().int() })),
  total: z.number().int(),
});
export type YearlyCounts = z.infer<typeof yearlyCountsReply>;
