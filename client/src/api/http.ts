// The one way the client talks to /api: bearer token, one transparent refresh on 401, and a
// sign-in prompt over the current page when the refresh fails, then the request is retried.
import type { TokenPair } from '@bds/shared';
import { ApiError, networkError, problemFromResponse } from './errors.ts';
import { sessionStore } from './session.ts';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** Public endpoints (login, refresh) never trigger refresh or the sign-in prompt. */
  public?: boolean;
}

/** Resolves once the user has signed in again; rejects if they give up. */
export type SignInPrompt = () => Promise<void>;

let signInPrompt: SignInPrompt | null = null;
let refreshing: Promise<boolean> | null = null;
let prompting: Promise<void> | null = null;

export function setSignInPrompt(prompt: SignInPrompt | null) {
  signInPrompt = prompt;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = sessionStore.get().accessToken;
  if (token && !options.public) headers.Authorization = `Bearer ${token}`;
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(buildUrl(path, options.query), { method: options.method ?? 'GET', headers, body });
  } catch {
    throw networkError();
  }
}

/**
 * Exchanges the refresh token once for a new pair. Single-flight: concurrent 401s share one
 * refresh, because reusing a rotated refresh token makes the server kill the whole session.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = sessionStore.get().refreshToken;
    if (!refreshToken) return false;
    try {
      const response = await send('/api/auth/refresh', { method: 'POST', body: { refreshToken }, public: true });
      if (!response.ok) return false;
      sessionStore.signedIn((await response.json()) as TokenPair);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function askToSignIn(): Promise<void> {
  if (!signInPrompt) return Promise.reject(new ApiError({ type: 'about:blank', title: 'Non autenticato', status: 401 }));
  sessionStore.expire();
  const prompt = signInPrompt;
  prompting ??= prompt().finally(() => {
    prompting = null;
  });
  return prompting;
}

/**
 * Runs an attempt that carries the current token; on 401 refreshes once and retries, and if the
 * session is gone asks the user to sign in over the page, then retries a last time.
 */
export async function withSessionRecovery<T extends { status: number }>(attempt: () => Promise<T>): Promise<T> {
  let response = await attempt();
  if (response.status !== 401) return response;
  if (await refreshSession()) {
    response = await attempt();
    if (response.status !== 401) return response;
  }
  await askToSignIn();
  return attempt();
}

/** Sends a request with the session's token, recovering from an expired one. */
export function authorizedFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  if (options.public) return send(path, options);
  return withSessionRecovery(() => send(path, options));
}

/** Every item of a list, page after page: for lists known to be a page or two long. */
export async function fetchEveryPage<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const reply = await fetchPage(cursor);
    items.push(...reply.items);
    cursor = reply.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await authorizedFetch(path, options);
  if (!response.ok) throw await problemFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function apiBlob(path: string, query?: Query, accept = 'text/csv'): Promise<Blob> {
  const response = await authorizedFetch(path, { query, headers: { Accept: accept } });
  if (!response.ok) throw await problemFromResponse(response);
  return response.blob();
}

/** Fetches a file with the token (a plain link would not carry it) and saves it. */
export async function downloadFile(path: string, query: Query, fileName: string, accept = 'text/csv'): Promise<void> {
  const blob = await apiBlob(path, query, accept);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
