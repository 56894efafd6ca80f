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

export class TooManyRequests extends DomainError {
  constructor(detail: string) {
    super(429, 'Troppe richieste', detail);
  }
}
