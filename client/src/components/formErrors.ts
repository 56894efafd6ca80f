// Field errors keyed by body path ("fiscalCode", "goals.0.description"), from zod or the server.
import type { z } from 'zod';

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
