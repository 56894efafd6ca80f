// The median round of a measurement taken in turns with bare Fastify's.
import { describe, expect, it } from 'vitest';
import { medianOf, type LoadFigures } from './load.ts';

const round = (requestsPerSecond: number, p99Ms: number, non2xx = 0): LoadFigures => ({
  connections: 64,
  requestsPerSecond,
  p50Ms: p99Ms / 2,
  p99Ms,
  maxMs: p99Ms * 3,
  maxOpenMs: p99Ms * 2,
  p99OpenMs: p99Ms / 2,
  requests: requestsPerSecond,
  non2xx,
  errors: 0,
});

describe('medianOf', () => {
  it('takes the median req/s and latencies of the rounds, the slowest answer of all, and counts every request and failure', () => {
    const median = medianOf([round(900, 40), round(3000, 12, 2), round(2000, 20)]);
    expect(median).toEqual({
      connections: 64,
      requestsPerSecond: 2000,
      p50Ms: 10,
      p99Ms: 20,
      maxMs: 120,
      maxOpenMs: 80,
      p99OpenMs: 10,
      requests: 5900,
      non2xx: 2,
      errors: 0,
    });
    expect(medianOf([round(100, 5)]).requestsPerSecond).toBe(100);
    expect(() => medianOf([])).toThrow();
  });
});
