import { newPasswordSchema } from '@bds/shared';
import { useState, type FormEvent } from 'react';
import { useResetPassword } from '../../api/users.ts';
import { it } from '../../i18n/it.ts';
import { Field } from '../Field.tsx';
import { errorText } from '../States.tsx';

export function PasswordResetForm({ userId, onDone }: { userId: number; onDone: () => void }) {
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = newPasswordSchema.safeParse(password);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? it.common.error);
      return;
    }
    setError(null);
    try {
      await reset.mutateAsync({ id: userId, password });
      setDone(true);
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Field label={it.admin.temporaryPassword} error={error ?? undefined}>
        <input type="text" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
      </Field>
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
