// Holds the session for the app: restores it on load, and when a refresh fails shows the
// sign-in dialog over the current page (which stays mounted) so no typed data is lost.
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Me } from '@bds/shared';
import { useQueryClient } from '@tanstack/react-query';
import { logout } from '../api/auth.ts';
import { refreshSession, setSignInPrompt } from '../api/http.ts';
import { sessionStore } from '../api/session.ts';
import { SignInDialog } from './SignInDialog.tsx';

interface AuthContextValue {
  user: Me | null;
  restoring: boolean;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

interface PendingPrompt {
  resolve: () => void;
  reject: (error: Error) => void;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const queryClient = useQueryClient();
  const [restoring, setRestoring] = useState(() => session.refreshToken !== null && session.accessToken === null);
  const [prompt, setPrompt] = useState<PendingPrompt | null>(null);
  const pending = useRef<PendingPrompt | null>(null);

  useEffect(() => {
    if (!restoring) return;
    void refreshSession().then((ok) => {
      if (!ok) sessionStore.clear();
      setRestoring(false);
    });
  }, [restoring]);

  useEffect(() => {
    setSignInPrompt(
      () =>
        new Promise<void>((resolve, reject) => {
          const next = { resolve, reject };
          pending.current = next;
          setPrompt(next);
        }),
    );
    return () => setSignInPrompt(null);
  }, []);

  const signOut = useCallback(async () => {
    await logout().catch(() => undefined);
    queryClient.clear();
  }, [queryClient]);

  const onSignedInAgain = useCallback(() => {
    pending.current?.resolve();
    pending.current = null;
    setPrompt(null);
  }, []);

  const onGiveUp = useCallback(() => {
    pending.current?.reject(new Error('sign-in cancelled'));
    pending.current = null;
    setPrompt(null);
    sessionStore.clear();
    queryClient.clear();
  }, [queryClient]);

  return (
    <AuthContext.Provider value={{ user: session.user, restoring, signOut }}>
      {children}
      {prompt && <SignInDialog username={session.user?.username ?? ''} onSignedIn={onSignedInAgain} onGiveUp={onGiveUp} />}
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useCurrentUser(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser without a user');
  return user;
}
