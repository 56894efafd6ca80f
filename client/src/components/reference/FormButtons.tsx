import { it } from '../../i18n/it.ts';

export function FormButtons({ pending, formError, onCancel }: { pending: boolean; formError: string | null; onCancel: () => void }) {
  return (
    <>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? it.common.saving : it.common.save}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {it.common.cancel}
        </button>
      </div>
    </>
  );
}
