// problem+json replies (RFC 9457) turned into one typed error the pages can read field by field.
import type { Problem } from '@bds/shared';

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** Server validation messages keyed by body path, e.g. "fiscalCode" or "goals.0.description". */
  readonly fieldErrors: Record<string, string>;
  /** The person a refused registration names as already known. */
  readonly personId: number | undefined;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = {};
    this.personId = problem.personId;
    for (const error of problem.errors ?? []) {
      this.fieldErrors[error.path] ??= error.message;
    }
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.title === 'string' && typeof record.status === 'number';
}

export async function problemFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isProblem(body)) return new ApiError(body);
  return new ApiError({ type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status });
}

export function networkError(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Server non raggiungibile',
    status: 0,
    detail: 'Controllare la connessione e riprovare.',
  });
}
