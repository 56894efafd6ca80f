// Sign in, sign out and who am I.
import type { changePasswordBody, loginBody, Me, TokenPair } from '@bds/shared';
import type { z } from 'zod';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from './http.ts';
import { sessionStore } from './session.ts';

export const authKeys = { me: ['me'] as const };

export async function login(username: string, password: string): Promise<TokenPair> {
  const body: z.input<typeof loginBody> = { username, password };
  const pair = await apiJson<TokenPair>('/api/auth/login', { method: 'POST', body, public: true });
  sessionStore.signedIn(pair);
  return pair;
}

export async function logout(): Promise<void> {
  const { refreshToken, accessToken } = sessionStore.get();
  try {
    if (accessToken) await apiJson<void>('/api/auth/logout', { method: 'POST', body: { refreshToken }, public: false });
  } finally {
    sessionStore.clear();
  }
}

export function fetchMe(): Promise<Me> {
  return apiJson<Me>('/api/me');
}

export function changePassword(body: z.input<typeof changePasswordBody>): Promise<void> {
  return apiJson<void>('/api/auth/password', { method: 'POST', body });
}

export function useMe(enabled: boolean) {
  return useQuery({ queryKey: authKeys.me, queryFn: fetchMe, enabled });
}
