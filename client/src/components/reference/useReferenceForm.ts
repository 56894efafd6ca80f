// A reference-data form: what it holds becomes the create or update body, checked by the shared
// schema (the zod resolver) and then by the server, whose field errors land next to the same fields.
import { z } from 'zod';
import type { FieldValues } from 'react-hook-form';
import { useSaveReference, type ReferenceKind } from '../../api/referenceAdmin.ts';
import { it } from '../../i18n/it.ts';
import type { FieldErrors } from '../formErrors.ts';
import { useSchemaForm } from '../schemaForm.ts';

export interface ReferenceFormProps<T> {
  item: T | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

interface ReferenceFormOptions<Draft extends FieldValues> {
  kind: ReferenceKind;
  id: number | null;
  schemas: { create: z.ZodType; update: z.ZodType };
  /** Those the form shows an error beside; a refusal about any other is spelled out above the buttons. */
  fields: readonly string[];
  draft: Draft;
  toBody: (draft: Draft) => object;
  /** Boxes the schema cannot read as typed (a number typed ambiguously). */
  refusals?: (draft: Draft) => FieldErrors;
  onSaved: (message: string) => void;
}

export function useReferenceForm<Draft extends FieldValues>({
  kind,
  id,
  schemas,
  fields,
  draft,
  toBody,
  refusals,
  onSaved,
}: ReferenceFormOptions<Draft>) {
  const save = useSaveReference(kind);
  const schema = z
    .custom<Draft>()
    .transform(toBody)
    .pipe((id == null ? schemas.create : schemas.update) as z.ZodType<unknown, object>);
  const form = useSchemaForm<Draft, unknown>(schema as z.ZodType<unknown, Draft>, fields, {
    defaultValues: draft as never,
    ...(refusals ? { refusals } : {}),
  });
  const submit = form.handleSubmit(async (body) => {
    try {
      await save.mutateAsync({ id, body: body as object });
      onSaved(id == null ? it.reference.created : it.reference.updated);
    } catch (caught) {
      form.refuse(caught);
    }
  });
  return { form, submit, pending: save.isPending };
}
