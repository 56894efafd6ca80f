// The signed-in session: access token in memory, refresh token in sessionStorage so a reload
// of the tab keeps the user signed in; components subscribe through useSyncExternalStore.
import type { Me, TokenPair } from '@bds/shared';

const REFRESH_KEY = 'bds.refreshToken';

export interface SessionState {
  accessToken: string | null;
  refreshToken: string | null;
  user: Me | null;
  /** True when the tokens died while the user was working: the page stays, a dialog asks to sign in. */
  expired: boolean;
}

type Listener = () => void;

function readStoredRefreshToken(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(REFRESH_KEY) ?? null;
  } catch {
    return null;
  }
}

function storeRefreshToken(token: string | null) {
  try {
    if (token) globalThis.sessionStorage?.setItem(REFRESH_KEY, token);
    else globalThis.sessionStorage?.removeItem(REFRESH_KEY);
  } catch {
    // Storage may be disabled (private mode): the session then lives only in memory.
  }
}

let state: SessionState = { accessToken: null, refreshToken: readStoredRefreshToken(), user: null, expired: false };
const listeners = new Set<Listener>();

function update(next: SessionState) {
  state = next;
  storeRefreshToken(next.refreshToken);
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  get: (): SessionState => state,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signedIn(pair: TokenPair) {
    update({ accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: pair.user, expired: false });
  },
  setUser(user: Me) {
    update({ ...state, user });
  },
  /** Tokens are gone but the user was working: keep who they were so the dialog can greet them. */
  expire() {
    update({ accessToken: null, refreshToken: null, user: state.user, expired: true });
  },
  clear() {
    update({ accessToken: null, refreshToken: null, user: null, expired: false });
  },
};
