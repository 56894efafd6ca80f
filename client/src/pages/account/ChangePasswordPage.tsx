// The password change: reachable by everyone from the header, and the only page a user with a
// temporary password sees until they have chosen their own.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth, useCurrentUser } from '../../auth/AuthProvider.tsx';
import { ChangePasswordForm } from '../../auth/ChangePasswordForm.tsx';
import { it } from '../../i18n/it.ts';
import { homeFor } from '../../routes/nav.ts';

export function ChangePasswordPage() {
  const user = useCurrentUser();
  const [done, setDone] = useState(false);
  return (
    <section className="card narrow">
      <h1>{it.password.title}</h1>
      {done ? (
        <p className="success" role="status">
          {it.password.done}
        </p>
      ) : (
        <ChangePasswordForm onChanged={() => setDone(true)} />
      )}
      {done && <BackHome to={homeFor(user.role)} />}
    </section>
  );
}

function BackHome({ to }: { to: string }) {
  const navigate = useNavigate();
  return (
    <div className="actions">
      <button type="button" onClick={() => void navigate(to)}>
        {it.common.continue}
      </button>
    </div>
  );
}

/** Shown instead of the app while the account still has a temporary password. */
export function MustChangePasswordPage() {
  const { signOut } = useAuth();
  return (
    <main className="login-page">
      <div className="login-card">
        <p className="app-name">{it.appName}</p>
        <h1>{it.password.title}</h1>
        <p role="note">{it.password.mustChange}</p>
        <ChangePasswordForm onChanged={() => undefined} />
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void signOut()}>
            {it.auth.signOut}
          </button>
        </div>
      </div>
    </main>
  );
}
