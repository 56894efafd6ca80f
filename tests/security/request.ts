// Sending one request of the matrix or the fuzzer: JSON bodies as JSON, strings as CSV.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Caller } from '../api/helpers.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export function requestOptions(method: Method, url: string, body: unknown): InjectOptions {
  if (method === 'GET' || body === undefined) return { method, url };
  if (typeof body === 'string') return { method, url, headers: { 'content-type': 'text/csv' }, payload: body };
  return { method, url, payload: body as InjectOptions['payload'] };
}

export function send(caller: Caller, method: Method, url: string, body: unknown): Promise<LightMyRequestResponse> {
  return caller(requestOptions(method, url, body));
}

export function splitRoute(key: string): { method: Method; path: string } {
  const [method, path] = key.split(' ') as [Method, string];
  return { method, path };
}
