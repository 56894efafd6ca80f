import { it } from '../i18n/it.ts';

interface FormButtonsProps {
  pending: boolean;
  formError: string | null;
  onCancel: () => void;
  /** What the submit button says; "Salva" unless told. */
  submitLabel?: string;
}

/** A dialog form's refusal above its buttons: submit, and cancel. */
export function FormButtons({ pending, formError, onCancel, submitLabel = it.common.save }: FormButtonsProps) {
  return (
    <>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? it.common.saving : submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {it.common.cancel}
        </button>
      </div>
    </>
  );
}
