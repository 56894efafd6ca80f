import { z } from 'zod';
import { ROLES } from '../domain.ts';
import { newPasswordSchema, meSchema } from './auth.ts';
import { cursorSchema, limitSchema, text } from './common.ts';

const scopeFields = {
  serviceId: z.number().int().positive().nullable().optional(),
  districtId: z.number().int().positive().nullable().optional(),
  cooperativeId: z.number().int().positive().nullable().optional(),
};

export const userSchema = meSchema.extend({ active: z.boolean(), createdAt: z.string() });
export type User = z.infer<typeof userSchema>;

export const createUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3, { error: 'almeno 3 caratteri' })
    .max(50)
    .regex(/^[a-z0-9._-]+$/, { error: 'solo lettere minuscole, cifre, punto, trattino' }),
  displayName: text(120),
  role: z.enum(ROLES),
  password: newPasswordSchema,
  ...scopeFields,
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .strictObject({
    displayName: text(120).optional(),
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
    ...scopeFields,
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'nessun campo da modificare' });
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const passwordResetBody = z.strictObject({ temporaryPassword: newPasswordSchema });

/** The active social workers of a district, as the UVM picks one among its members. */
export const socialWorkersQuery = z.strictObject({
  districtId: z.coerce.number().int().positive(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const socialWorkerSchema = z.object({ id: z.number().int(), name: z.string() });
export type SocialWorker = z.infer<typeof socialWorkerSchema>;
