import type { Me, TokenPair } from '@bds/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, problem } from '../test/fetchMock.ts';
import { isApiError } from './errors.ts';
import { apiJson, setSignInPrompt } from './http.ts';
import { sessionStore } from './session.ts';

const user: Me = {
  id: 7,
  username: 'casemanager',
  displayName: 'CM',
  role: 'case_manager',
  serviceId: 4,
  cooperativeId: null,
  districtId: null,
  mustChangePassword: false,
};
const pair = (n: number): TokenPair => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900, user });

describe('api layer', () => {
  beforeEach(() => sessionStore.signedIn(pair(1)));
  afterEach(() => {
    setSignInPrompt(null);
    sessionStore.clear();
  });

  it('refreshes once on 401 and retries the request with the new token', async () => {
    const calls = mockFetch((call) => {
      if (call.url === '/api/auth/refresh') return json(200, pair(2));
      return call.headers.authorization === 'Bearer access-2' ? json(200, { ok: true }) : problem(401, 'Non autenticato');
    });

    await expect(apiJson('/api/me')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual(['/api/me', '/api/auth/refresh', '/api/me']);
    expect(calls[1]?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(sessionStore.get().refreshToken).toBe('refresh-2');
  });

  it('shares one refresh between concurrent 401s, since a reused refresh token kills the session', async () => {
    const calls = mockFetch((call) => {
      if (call.url === '/api/auth/refresh') return json(200, pair(2));
      return call.headers.authorization === 'Bearer access-2' ? json(200, { url: call.url }) : problem(401, 'Non autenticato');
    });
    await Promise.all([apiJson('/api/a'), apiJson('/api/b'), apiJson('/api/c')]);
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('asks to sign in when the refresh fails, then retries the request', async () => {
    let signedInAgain = false;
    setSignInPrompt(async () => {
      expect(sessionStore.get().expired).toBe(true);
      sessionStore.signedIn(pair(3));
      signedInAgain = true;
    });
    const calls = mockFetch((call) => {
      if (call.url === '/api/auth/refresh') return problem(401, 'Sessione revocata');
      return call.headers.authorization === 'Bearer access-3' ? json(200, { saved: true }) : problem(401, 'Non autenticato');
    });

    await expect(apiJson('/api/ptris', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ saved: true });
    expect(signedInAgain).toBe(true);
    expect(calls.map((c) => c.url)).toEqual(['/api/ptris', '/api/auth/refresh', '/api/ptris']);
    expect(calls[2]?.body).toEqual({ a: 1 });
  });

  it('turns problem+json into an ApiError with field errors keyed by body path', async () => {
    mockFetch(() => problem(400, 'Dati non validi', [{ path: 'goals.0.description', message: 'non può essere vuoto' }]));
    const error: unknown = await apiJson('/api/ptris', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(isApiError(error, 400)).toBe(true);
    expect(isApiError(error) && error.fieldErrors['goals.0.description']).toBe('non può essere vuoto');
  });
});
