// Current password, new password twice; the new one is checked with the server's own rule.
import { changePasswordBody } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { changePassword, fetchMe } from '../api/auth.ts';
import { isApiError } from '../api/errors.ts';
import { sessionStore } from '../api/session.ts';
import { Field } from '../components/Field.tsx';
import { issuesToFieldErrors, type FieldErrors } from '../components/formErrors.ts';
import { errorText } from '../components/States.tsx';
import { it } from '../i18n/it.ts';

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = changePasswordBody.safeParse({ currentPassword, newPassword });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (!currentPassword) found.currentPassword = it.common.required;
    if (newPassword !== repeat) found.repeat = it.password.mismatch;
    else if (newPassword && newPassword === currentPassword) found.newPassword = it.password.sameAsCurrent;
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await changePassword(parsed.data);
      sessionStore.setUser(await fetchMe());
      onChanged();
    } catch (caught) {
      if (isApiError(caught) && Object.keys(caught.fieldErrors).length > 0) {
        const fromServer = { ...caught.fieldErrors };
        if (fromServer.currentPassword) fromServer.currentPassword = it.password.wrongCurrent;
        setErrors(fromServer);
      } else setFormError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Field label={it.password.current} error={errors.currentPassword}>
        <input type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
      </Field>
      <Field label={it.password.next} hint={it.password.hint} error={errors.newPassword}>
        <input type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNext(e.target.value)} />
      </Field>
      <Field label={it.password.repeat} error={errors.repeat}>
        <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </Field>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? it.common.saving : it.password.submit}
        </button>
      </div>
    </form>
  );
}
