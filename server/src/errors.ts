// Typed domain errors; the error plugin turns them into problem+json.
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

/** The most bad rows of a file listed in one answer: enough to mend a file, bounded in memory. */
const MAX_LISTED_ROWS = 5000;

/** 400 with every bad row of a file, as `{row, field, message}` beside the usual `{path, message}`; `outcome` says what was not done. */
export class InvalidRows extends DomainError {
  constructor(errors: { row: number; field: string; message: string }[], outcome: string) {
    const listed = errors
      .slice(0, MAX_LISTED_ROWS)
      .map((e) => ({ path: `rows.${e.row}.${e.field}`, message: e.message, row: e.row, field: e.field }));
    const rows = new Set(errors.map((e) => e.row)).size;
    super(400, 'File non valido', `${rows === 1 ? '1 riga non valida' : `${rows} righe non valide`}: ${outcome}`, listed);
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
