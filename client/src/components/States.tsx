// Loading, empty and error states, the same everywhere.
import type { ReactNode } from 'react';
import { isApiError } from '../api/errors.ts';
import { it } from '../i18n/it.ts';

export function Loading({ label = it.common.loading }: { label?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

export function Empty({ children = it.common.empty }: { children?: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/**
 * A refusal in the user's words: the server's sentence, never its category ("Conflitto:") nor a
 * body path ("hours: …") in front of it.
 */
export function errorText(error: unknown): string {
  if (isApiError(error, 404) && !error.detail) return it.common.notAvailable;
  if (isApiError(error)) {
    const fieldMessages = Object.values(error.fieldErrors);
    if (fieldMessages.length) return `${error.title}: ${fieldMessages.join('; ')}`;
    return error.detail ? sentence(error.detail) : error.title;
  }
  return error instanceof Error ? error.message : it.common.error;
}

const sentence = (text: string) => text.charAt(0).toLocaleUpperCase('it') + text.slice(1);

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const notThereYet = isApiError(error, 404) || isApiError(error, 501);
  return (
    <div className={notThereYet ? 'state state-unavailable' : 'state state-error'} role="alert">
      <p>{notThereYet ? `${it.common.notAvailable} (${errorText(error)})` : errorText(error)}</p>
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          {it.common.retry}
        </button>
      )}
    </div>
  );
}

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** A query's loading, error and empty states; the content renders only once there is data. */
export function QueryStates({ query, empty, children }: { query: QueryLike; empty: boolean; children: () => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty) return <Empty />;
  return <>{children()}</>;
}
