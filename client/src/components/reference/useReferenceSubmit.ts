// Submit of a reference-data form: the shared schema first (create or update body), then the
// server, whose field errors land next to the same fields.
import type { z } from 'zod';
import { useState } from 'react';
import { isApiError } from '../../api/errors.ts';
import { useSaveReference, type ReferenceKind } from '../../api/referenceAdmin.ts';
import { it } from '../../i18n/it.ts';
import { besideFieldsOf, issuesToFieldErrors, refusalMessage, type FieldErrors } from '../formErrors.ts';

export interface ReferenceFormProps<T> {
  item: T | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

/** `fields` are those the form shows an error beside; a refusal about any other is spelled out above the buttons. */
export function useReferenceSubmit(
  kind: ReferenceKind,
  id: number | null,
  schemas: { create: z.ZodType; update: z.ZodType },
  fields: readonly string[],
  onSaved: (message: string) => void,
) {
  const shownBesideField = besideFieldsOf(fields);
  const save = useSaveReference(kind);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  /** `refusals`: fields the form could not even read (a number typed ambiguously), shown with the schema's errors. */
  async function submit(values: object, refusals: FieldErrors = {}) {
    setFormError(null);
    const parsed = (id == null ? schemas.create : schemas.update).safeParse(values);
    if (!parsed.success || Object.keys(refusals).length) {
      setErrors({ ...(parsed.success ? {} : issuesToFieldErrors(parsed.error)), ...refusals });
      setFormError(it.common.formHasErrors);
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync({ id, body: parsed.data as object });
      onSaved(id == null ? it.reference.created : it.reference.updated);
    } catch (caught) {
      if (isApiError(caught)) setErrors(caught.fieldErrors);
      setFormError(refusalMessage(caught, shownBesideField));
    }
  }

  return { errors, formError, submit, pending: save.isPending };
}
