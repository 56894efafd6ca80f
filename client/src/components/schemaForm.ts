// Forms on react-hook-form, validated by the same shared zod schemas as the server's routes: every
// error at once on its field, each gone as soon as its field is fixed, and the server's own field
// errors (problem+json) placed on the same fields. Loaded with the pages that have forms only.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import {
  get,
  set,
  useForm,
  type FieldErrors,
  type FieldValues,
  type Path,
  type PathValue,
  type Resolver,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../api/errors.ts';
import { it } from '../i18n/it.ts';
import { besideFieldsOf, refusalMessage, type FieldErrors as MessagesByPath } from './formErrors.ts';
import { numberOrRefusal } from './ItalianNumberInput.tsx';

export interface SchemaForm<Input extends FieldValues, Output> extends UseFormReturn<Input, unknown, Output> {
  /** The message of the field at a dotted path ("goals.0.description"), from zod or the server. */
  errorOf: (path: string) => string | undefined;
  /** Every message by dotted path, for the editors of lists that take them so. */
  fieldErrors: MessagesByPath;
  /** What the form says above its button: that fields need fixing, or why the server refused. */
  formError: string | null;
  /**
   * Sets a value an editor holds itself (a list, a number box). Once a save was tried the whole
   * draft is checked again: a draft field may become a body field of another name (HoNOS → scores).
   */
  change: <Name extends Path<Input>>(name: Name, value: PathValue<Input, Name>) => void;
  /** Puts a refused save's field errors on the form's fields and says the rest above the button. */
  refuse: (caught: unknown) => void;
}

export function useSchemaForm<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  /** The form's own top-level fields: a server error under one of them shows beside it. */
  fields: readonly string[],
  options: Omit<UseFormProps<NoInfer<Input>, unknown, NoInfer<Output>>, 'resolver'> & {
    /** Boxes the schema never sees as typed (a number the Italian way that cannot be read): their refusals, with the schema's errors. */
    refusals?: (values: NoInfer<Input>) => MessagesByPath;
  } = {},
): SchemaForm<Input, Output> {
  const { refusals, ...formOptions } = options;
  const checkSchema = zodResolver(schema as never) as Resolver<Input, unknown, Output>;
  const resolver: Resolver<Input, unknown, Output> = async (values, context, resolverOptions) => {
    const checked = await checkSchema(values, context, resolverOptions);
    const refused = Object.entries(refusals?.(values) ?? {});
    if (refused.length === 0) return checked;
    const errors = { ...checked.errors } as FieldErrors<Input>;
    for (const [path, message] of refused) set(errors, path, { type: 'refusal', message });
    return { values: {}, errors };
  };
  const form = useForm<Input, unknown, Output>({
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    ...formOptions,
  });
  const [refusal, setRefusal] = useState<string | null>(null);
  const { watch, setError, setValue, trigger } = form;
  useEffect(() => {
    const subscription = watch(() => setRefusal(null));
    return () => subscription.unsubscribe();
  }, [watch]);
  const { errors, submitCount } = form.formState;
  const hasFieldErrors = Object.keys(errors).length > 0;

  return {
    ...form,
    errorOf: (path) => messageAt(errors, path),
    fieldErrors: flatten(errors),
    change: (name, value) => {
      setValue(name, value, { shouldDirty: true });
      if (submitCount > 0) void trigger();
    },
    formError: refusal ?? (submitCount > 0 && hasFieldErrors ? it.common.formHasErrors : null),
    refuse: (caught) => {
      const beside = besideFieldsOf(fields);
      if (isApiError(caught)) {
        for (const [path, message] of Object.entries(caught.fieldErrors)) {
          if (beside(path)) setError(path as Path<Input>, { type: 'server', message });
        }
      }
      setRefusal(refusalMessage(caught, beside));
    },
  };
}

/** A number box's text read the Italian way ("1.500,50"), then checked by the body field's own schema. */
export function italianNumberText<Output>(field: z.ZodType<Output, number | undefined>) {
  return z
    .string()
    .transform((text, ctx) => {
      const read = numberOrRefusal(text);
      if (read.refusal) {
        ctx.addIssue({ code: 'custom', message: read.refusal });
        return z.NEVER;
      }
      return read.value ?? undefined;
    })
    .pipe(field);
}

function messageAt(errors: FieldErrors, path: string): string | undefined {
  const found: unknown = get(errors, path);
  if (found && typeof found === 'object' && 'message' in found && typeof found.message === 'string') return found.message;
  // An error on an array or object as a whole ("goals": at least one) sits on its root.
  const root: unknown = get(errors, `${path}.root`);
  return root && typeof root === 'object' && 'message' in root && typeof root.message === 'string' ? root.message : undefined;
}

function flatten(errors: object, prefix = '', into: MessagesByPath = {}): MessagesByPath {
  for (const [key, value] of Object.entries(errors) as [string, unknown][]) {
    if (!value || typeof value !== 'object' || key === 'ref') continue;
    const path = key === 'root' ? prefix : prefix ? `${prefix}.${key}` : key;
    if ('message' in value && typeof value.message === 'string') into[path || '(body)'] ??= value.message;
    if (key !== 'root') flatten(value, path, into);
  }
  return into;
}

/**
 * A form's converted values checked by the route's own body schema. The body's input type is
 * wider than what the form produces (optional keys, a decision the form fixes), which zod's
 * `pipe` typing refuses; at run time the body schema parses the form's output as it is.
 */
export function checkedByBody<Form extends z.ZodType, Body extends z.ZodType>(form: Form, body: Body) {
  return form.pipe(body as unknown as z.ZodType<z.output<Body>, z.output<Form>>);
}
