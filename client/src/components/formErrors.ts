// Field errors keyed by body path ("fiscalCode", "goals.0.description"), from zod or the server.
import type { z } from 'zod';
import { isApiError } from '../api/errors.ts';
import { it } from '../i18n/it.ts';
import { errorText } from './States.tsx';

export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

/**
 * A union's failure belongs to the fields of the option the value has the shape of (a budget axis
 * given as lines), not to the union as a whole: that option is the one that failed below its root.
 */
function fieldIssues(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const shaped = issue.errors.find((option) => option.length > 0 && option.every((inner) => inner.path.length > 0));
      if (shaped) return fieldIssues(shaped, path);
    }
    return [{ path, message: issue.message }];
  });
}

/** zod issues keyed by dotted path; the first message per field wins. */
export function issuesToFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of fieldIssues(error.issues)) {
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
  return elsewhere.length ? elsewhere.map(([, message]) => message).join('; ') : it.common.formHasErrors;
}

/** A form's own fields, and the paths under them ("goals.0.description" under "goals"). */
export function besideFieldsOf(fields: readonly string[]): (path: string) => boolean {
  return (path) => fields.some((field) => path === field || path.startsWith(`${field}.`));
}
