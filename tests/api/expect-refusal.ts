// The shape every refusal of the API has, as the tests check it.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** The refusal is problem+json with the status given, naming exactly these fields, in words. */
export function expectRefusal(res: LightMyRequestResponse, status: number, paths: string[]) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json<{ errors: { path: string; message: string }[] }>();
  expect(body.errors.map((e) => e.path).sort()).toEqual([...paths].sort());
  for (const error of body.errors) expect(error.message).toMatch(/[a-zà-ù]/);
  return body;
}
