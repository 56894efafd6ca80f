// Field errors keyed by body path ("fiscalCode", "goals.0.description"), from zod or the server.
import type { z } from 'zod';
import { isApiError } from '../api/errors.ts';
import { it } from '../i18n/it.ts';
import { errorText } from './States.tsx';

export type FieldErrors = Record<string, string>;

/** zod issues keyed by dotted path; the first message per field wins. */
export function issuesToFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    errors[path] ??= issue.message;
  }
  return errors;
}

/**
 * What a refused save says above its button: the server's field errors go beside their fields,
 * so only those no field of the form shows are spelled out; other refusals say what they are.
 */
export function refusalMessage(caught: unknown, shownBesideField: (path: string) => boolean): string {
  if (!isApiError(caught) || Object.keys(caught.fieldErrors).length === 0) return errorText(caught);
  const elsewhere = Object.entries(caught.fieldErrors).filter(([path]) => !shownBesideField(path));
  return elsewhere.length ? elsewhere.map(([path, message]) => `${path}: ${message}`).join('; ') : it.common.formHasErrors;
}

/** A form's own fields, and the paths under them ("goals.0.description" under "goals"). */
export function besideFieldsOf(fields: readonly string[]): (path: string) => boolean {
  return (path) => fields.some((field) => path === field || path.startsWith(`${field}.`));
}
