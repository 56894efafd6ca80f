import { Dialog } from '../components/Dialog.tsx';
import { it } from '../i18n/it.ts';
import { SignInForm } from './SignInForm.tsx';

interface SignInDialogProps {
  username: string;
  onSignedIn: () => void;
  onGiveUp: () => void;
}

export function SignInDialog({ username, onSignedIn, onGiveUp }: SignInDialogProps) {
  return (
    <Dialog title={it.auth.sessionExpired} role="alertdialog">
      <p>{it.auth.sessionExpiredHelp}</p>
      <SignInForm initialUsername={username} onSignedIn={onSignedIn}>
        <button type="button" className="secondary" onClick={onGiveUp}>
          {it.auth.signOut}
        </button>
      </SignInForm>
    </Dialog>
  );
}
