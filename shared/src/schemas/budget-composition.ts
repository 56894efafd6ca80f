// The budget composition report: who brings what, per source and axis, in the projects in care in a year.
import { z } from 'zod';
import { AXES, BUDGET_SOURCES } from '../domain.ts';
import { yearSchema } from './common.ts';
import { formatQuery } from './reports.ts';

export const budgetCompositionQuery = z.strictObject({
  year: yearSchema,
  serviceId: z.coerce.number().int().positive().optional(),
  districtId: z.coerce.number().int().positive().optional(),
  format: formatQuery,
});

const shareRow = { nonAuslShare: z.number().nullable(), amount: z.number(), projects: z.number().int() };

export const budgetCompositionReply = z.object({
  year: z.number().int(),
  /** The last day counted: 31 December, or today in the current year; null for a year not begun. */
  throughDate: z.string().nullable(),
  rows: z.array(
    z.object({
      source: z.enum(BUDGET_SOURCES),
      axis: z.enum(AXES),
      amount: z.number(),
      hours: z.number(),
      projects: z.number().int(),
    }),
  ),
  /** The share (0–1) of the euros not paid by the AUSL; null without euros. */
  nonAuslShare: z.number().nullable(),
  byService: z.array(z.object({ serviceId: z.number().int(), serviceName: z.string(), ...shareRow })),
  byDistrict: z.array(z.object({ districtId: z.number().int(), districtName: z.string(), ...shareRow })),
});
export type BudgetComposition = z.infer<typeof budgetCompositionReply>;
