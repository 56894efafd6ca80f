// Current password, new password twice; the new one is checked with the server's own rule.
import { changePasswordBody } from '@bds/shared';
import { z } from 'zod';
import { changePassword, fetchMe } from '../api/auth.ts';
import { isApiError } from '../api/errors.ts';
import { sessionStore } from '../api/session.ts';
import { Field } from '../components/Field.tsx';
import { useSchemaForm } from '../components/schemaForm.ts';
import { it } from '../i18n/it.ts';

/** The server's body, plus the repetition only the form asks for. */
const passwordForm = changePasswordBody
  .extend({ currentPassword: z.string().min(1, { error: it.common.required }), repeat: z.string() })
  .superRefine(({ currentPassword, newPassword, repeat }, ctx) => {
    if (newPassword !== repeat) ctx.addIssue({ code: 'custom', path: ['repeat'], message: it.password.mismatch });
    else if (newPassword && newPassword === currentPassword)
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: it.password.sameAsCurrent });
  });

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const form = useSchemaForm(passwordForm, ['currentPassword', 'newPassword'], {
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  });
  const { register, errorOf, formState } = form;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    try {
      await changePassword({ currentPassword, newPassword });
      sessionStore.setUser(await fetchMe());
      onChanged();
    } catch (caught) {
      if (isApiError(caught) && caught.fieldErrors.currentPassword) {
        form.setError('currentPassword', { type: 'server', message: it.password.wrongCurrent });
      } else form.refuse(caught);
    }
  });

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <Field label={it.password.current} error={errorOf('currentPassword')}>
        <input type="password" autoComplete="current-password" {...register('currentPassword')} />
      </Field>
      <Field label={it.password.next} hint={it.password.hint} error={errorOf('newPassword')}>
        <input type="password" autoComplete="new-password" {...register('newPassword', { deps: ['repeat'] })} />
      </Field>
      <Field label={it.password.repeat} error={errorOf('repeat')}>
        <input type="password" autoComplete="new-password" {...register('repeat')} />
      </Field>
      {form.formError && (
        <p className="form-error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? it.common.saving : it.password.submit}
        </button>
      </div>
    </form>
  );
}
