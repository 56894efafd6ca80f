import { z } from 'zod';
import { cursorSchema, isoDate, limitSchema } from './common.ts';

export const auditQuery = z
  .strictObject({
    entity: z.string().max(40).optional(),
    entityId: z.coerce.number().int().positive().optional(),
    personId: z.coerce.number().int().positive().optional(),
    userId: z.coerce.number().int().positive().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: limitSchema,
    cursor: cursorSchema,
    format: z.enum(['json', 'csv']).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { error: 'la data finale precede quella iniziale', path: ['to'] });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  changes: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
