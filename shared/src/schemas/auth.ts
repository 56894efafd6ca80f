import { z } from 'zod';
import { ROLES } from '../domain.ts';
import { text } from './common.ts';

export const loginBody = z.strictObject({
  username: text(100),
  password: z.string().min(1, { error: 'obbligatoria' }).max(200),
});

export const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(500) });

/** At least 10 characters with a letter and a digit. */
export const newPasswordSchema = z
  .string()
  .min(10, { error: 'almeno 10 caratteri' })
  .max(200, { error: 'al massimo 200 caratteri' })
  .regex(/\p{L}/u, { error: 'deve contenere almeno una lettera' })
  .regex(/\d/, { error: 'deve contenere almeno una cifra' });

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

export const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  serviceId: z.number().int().nullable(),
  cooperativeId: z.number().int().nullable(),
  districtId: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  user: meSchema,
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

/** An account with many failed sign-ins lately: someone may be guessing its password. */
export const accountUnderAttackSchema = z.object({
  username: z.string(),
  failures: z.number().int(),
  addresses: z.number().int(),
  lastFailureAt: z.string(),
});
export type AccountUnderAttack = z.infer<typeof accountUnderAttackSchema>;
