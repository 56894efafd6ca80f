// A scripted fetch: each handler answers the requests it matches, in order; calls are recorded.
import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: RecordedCall) => Response | undefined;

export function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problem(status: number, title: string, errors?: { path: string; message: string }[]): Response {
  return json(status, { type: 'about:blank', title, status, detail: title, ...(errors ? { errors } : {}) }, 'application/problem+json');
}

export function mockFetch(handler: Handler) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const call: RecordedCall = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    const response = handler(call);
    if (!response) throw new Error(`unexpected request ${call.method} ${call.url}`);
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
