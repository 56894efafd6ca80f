import { SignInForm } from '../auth/SignInForm.tsx';
import { it } from '../i18n/it.ts';

export function LoginPage() {
  return (
    <main className="login-page">
      <div className="login-card">
        <p className="app-name">{it.appName}</p>
        <h1>{it.auth.title}</h1>
        <SignInForm onSignedIn={() => undefined} />
      </div>
    </main>
  );
}
