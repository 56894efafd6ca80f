// Typed domain errors; the error plugin turns them into problem+json.
import { formatCount } from '@bds/shared';
export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: FieldError[],
    /** Members the problem document carries besides the standard ones (RFC 9457 extensions). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
  }
}

export class NotFound extends DomainError {
  constructor(detail = 'Risorsa non trovata') {
    super(404, 'Non trovato', detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail = 'Operazione non consentita al tuo ruolo') {
    super(403, 'Non consentito', detail);
  }
}

export class Unauthorized extends DomainError {
  constructor(detail = 'Accesso richiesto') {
    super(401, 'Non autenticato', detail);
  }
}

export class Conflict extends DomainError {
  constructor(detail: string, errors?: FieldError[], extensions?: Record<string, unknown>) {
    super(409, 'Conflitto', detail, errors, extensions);
  }
}

/** A value another record already holds, reported on the field. */
export class Duplicate extends Conflict {
  constructor(path: string, message: string) {
    super(`${path}: ${message}`, [{ path, message }]);
  }
}

/** Input that is well-formed but breaks a domain rule, reported on the field. */
export class Invalid extends DomainError {
  constructor(path: string, message: string) {
    super(400, 'Dati non validi', `${path}: ${message}`, [{ path, message }]);
  }
}

/** The bad rows of a file whose errors a refusal lists in full; the rest are counted. A list of 20,000 rows is 600 KB no one reads. */
export const MAX_LISTED_ROWS = 100;

/**
 * 400 with every error of the first bad rows of a file, as `{row, field, message}` beside the usual
 * `{path, message}`, and how many rows and errors there are in all; `outcome` says what was not done.
 */
export class InvalidRows extends DomainError {
  constructor(errors: { row: number; field: string; message: string }[], outcome: string) {
    const sorted = [...errors].sort((a, b) => a.row - b.row);
    const rows = [...new Set(sorted.map((e) => e.row))];
    const listedRows = new Set(rows.slice(0, MAX_LISTED_ROWS));
    const listed = sorted
      .filter((e) => listedRows.has(e.row))
      .map((e) => ({ path: `rows.${e.row}.${e.field}`, message: e.message, row: e.row, field: e.field }));
    const rowCount = rows.length === 1 ? '1 riga non valida' : `${formatCount(rows.length)} righe non valide`;
    const errorCount = sorted.length === 1 ? '1 errore' : `${formatCount(sorted.length)} errori`;
    const shown = rows.length > MAX_LISTED_ROWS ? `; elencati gli errori delle prime ${MAX_LISTED_ROWS} righe` : '';
    super(400, 'File non valido', `${rowCount} (${errorCount}): ${outcome}${shown}`, listed);
  }
}

/** A part of the server that failed on its own, not because of the request: retrying may succeed. */
export class Unavailable extends DomainError {
  constructor(detail: string, cause?: string) {
    super(503, 'Servizio non disponibile', detail);
    this.cause = cause;
  }
}

export class TooManyRequests extends DomainError {
  constructor(
    detail: string,
    /** Sent as Retry-After. */
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'Troppe richieste', detail);
  }
}
