import { passwordResetBody } from '@bds/shared';
import { useState } from 'react';
import { useResetPassword } from '../../api/users.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { useSchemaForm } from '../schemaForm.ts';

export function PasswordResetForm({ userId, onDone }: { userId: number; onDone: () => void }) {
  const reset = useResetPassword();
  const form = useSchemaForm(passwordResetBody, ['temporaryPassword'], { defaultValues: { temporaryPassword: '' } });
  const [done, setDone] = useState(false);

  const onSubmit = form.handleSubmit(async ({ temporaryPassword }) => {
    try {
      await reset.mutateAsync({ id: userId, password: temporaryPassword });
      setDone(true);
    } catch (caught) {
      form.refuse(caught);
    }
  });

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <Field label={it.admin.temporaryPassword} error={form.errorOf('temporaryPassword')}>
        <input type="text" {...form.register('temporaryPassword')} autoComplete="off" />
      </Field>
      {form.formError && (
        <p className="form-error" role="alert">
          {form.formError}
        </p>
      )}
      {done && (
        <p className="success" role="status">
          {it.admin.resetDone}
        </p>
      )}
      <div className="actions">
        {!done && (
          <button type="submit" disabled={reset.isPending}>
            {it.admin.resetPassword}
          </button>
        )}
        <button type="button" className="secondary" onClick={onDone}>
          {it.common.close}
        </button>
      </div>
    </form>
  );
}
