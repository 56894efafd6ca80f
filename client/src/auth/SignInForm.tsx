// Username and password form, used by the login page and by the expired-session dialog.
import { useState, type FormEvent } from 'react';
import { login } from '../api/auth.ts';
import { isApiError } from '../api/errors.ts';
import { Field } from '../components/Field.tsx';
import { errorText } from '../components/States.tsx';
import { it } from '../i18n/it.ts';

interface SignInFormProps {
  initialUsername?: string;
  onSignedIn: () => void;
  children?: React.ReactNode;
}

export function SignInForm({ initialUsername = '', onSignedIn, children }: SignInFormProps) {
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      onSignedIn();
    } catch (caught) {
      setError(isApiError(caught, 401) || isApiError(caught, 400) ? it.auth.wrongCredentials : errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Field label={it.auth.username}>
        <input autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </Field>
      <Field label={it.auth.password}>
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </Field>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || !username || !password}>
          {busy ? it.auth.signingIn : it.auth.signIn}
        </button>
        {children}
      </div>
    </form>
  );
}
