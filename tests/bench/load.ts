// One autocannon measurement: requests per second, latency percentiles and failed answers.
import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Called for every request, so each one can read a different record. */
  path: () => string;
  body?: () => string;
  headers: Record<string, string>;
}

export interface LoadFigures {
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export async function measure(baseUrl: string, request: LoadRequest, connections: number, durationSeconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: request.method,
        headers: request.body ? { ...request.headers, 'content-type': 'application/json' } : request.headers,
        setupRequest: (req) => ({ ...req, path: request.path(), ...(request.body ? { body: request.body() } : {}) }),
      },
    ],
  });
  return {
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
