// One error handler: domain errors, zod validation failures and everything else become problem+json.
import fp from 'fastify-plugin';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, TooManyRequests, type FieldError } from '../errors.ts';
import { recordRefusal } from '../audit/refusals.ts';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export function sendProblem(
  reply: FastifyReply,
  problem: Omit<ProblemBody, 'type'> & { type?: string },
  extensions: Record<string, unknown> = {},
) {
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...extensions, type: problem.type ?? 'about:blank', ...problem });
}

function fieldPath(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (context === 'body' || context === undefined) return path || '(body)';
  return path ? path : `(${context})`;
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Richiesta non valida',
  401: 'Non autenticato',
  403: 'Non consentito',
  404: 'Non trovato',
  405: 'Metodo non consentito',
  406: 'Formato non disponibile',
  409: 'Conflitto',
  408: 'Tempo scaduto',
  413: 'Richiesta troppo grande',
  414: 'Indirizzo troppo lungo',
  415: 'Tipo di contenuto non supportato',
  429: 'Troppe richieste',
  431: 'Intestazioni troppo grandi',
};

/** Fastify's own refusals, whose messages are English, as the user reads them. */
const FASTIFY_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Il corpo della richiesta non è JSON valido',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Il corpo della richiesta è vuoto',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Il corpo della richiesta supera la dimensione massima consentita',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Tipo di contenuto non supportato: inviare JSON (o CSV dove previsto)',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'La lunghezza del corpo non corrisponde a Content-Length',
  FST_ERR_BAD_URL: "L'indirizzo contiene caratteri non validi",
  FST_ERR_MAX_PARAM_LENGTH: "Un parametro dell'indirizzo è troppo lungo",
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: "Manca l'intestazione Content-Type",
  FST_ERR_ROUTE_MISSING_CONTENT: 'Manca il corpo della richiesta',
};

/** A UNIQUE or PRIMARY KEY constraint of the database refused a duplicate the service did not check for. */
function isUniqueViolation(error: { code?: string }): boolean {
  return error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The body field and the Italian reason for each value the database keeps unique, by the first
 * column SQLite names ("UNIQUE constraint failed: cooperatives.vat_number"): the constraint is
 * the one check that also holds against a concurrent write.
 */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  'districts.code': { path: 'code', message: 'esiste già un distretto con questo codice' },
  'services.code': { path: 'code', message: 'esiste già un servizio con questo codice' },
  'service_aliases.alias': { path: 'aliases', message: 'nome storico già usato da un altro servizio' },
  'cooperatives.name': { path: 'name', message: 'esiste già una cooperativa con questo nome' },
  'cooperatives.vat_number': { path: 'vatNumber', message: "partita IVA già registrata per un'altra cooperativa" },
  'lots.number': { path: 'number', message: 'esiste già un lotto con questo numero nella stessa gara' },
  'persons.fiscal_code': { path: 'fiscalCode', message: 'codice fiscale già registrato' },
  'users.username': { path: 'username', message: 'nome utente già in uso' },
};

function duplicateField(message: string): FieldError | undefined {
  const column = /constraint failed: (\w+\.\w+)/.exec(message)?.[1];
  return column ? UNIQUE_FIELDS[column] : undefined;
}

/**
 * The refusals of Fastify's router (a malformed escape in the path, a path parameter over 100
 * characters), which come before any hook or error handler: given as Fastify's `frameworkErrors`.
 */
export function sendFrameworkProblem(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  return sendClientProblem(reply, error, error.statusCode ?? 400);
}

/** Node's own refusals of a request it cannot parse, by the parser's error code. */
const CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    detail: "L'indirizzo (con i parametri di ricerca) o le intestazioni della richiesta superano la lunghezza massima consentita",
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'La richiesta non è arrivata per intero in tempo' },
};

/**
 * Requests Node's HTTP parser refuses (a 20,000-character query string overflows its 16 KiB of
 * headers) never reach Fastify's router: given as Fastify's `clientErrorHandler`, the answer is
 * problem+json in Italian like every other refusal, written straight to the socket.
 */
export function sendClientErrorProblem(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, detail: 'Richiesta HTTP non valida' };
  const title = STATUS_TITLES[status] ?? 'Richiesta non valida';
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** A 4xx that is not the domain's own: Fastify's English messages given in Italian. */
function sendClientProblem(reply: FastifyReply, error: FastifyError, status: number) {
  return sendProblem(reply, {
    status,
    title: STATUS_TITLES[status] ?? 'Richiesta non valida',
    detail:
      FASTIFY_DETAILS[error.code] ?? (error.code?.startsWith('FST_') ? (STATUS_TITLES[status] ?? 'Richiesta non valida') : error.message),
  });
}

export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
      recordRefusal(app.db, request, error.status);
      return sendProblem(
        reply,
        { status: error.status, title: error.title, detail: error.message, errors: error.errors },
        error.extensions,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: fieldPath(issue.instancePath, error.validationContext),
        message: issue.message ?? 'valore non valido',
      }));
      return sendProblem(reply, {
        status: 400,
        title: 'Dati non validi',
        detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'reply does not match its schema');
      return sendProblem(reply, { status: 500, title: 'Errore interno', detail: 'Errore interno del server' });
    }
    if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      // A reference the service did not check: report it as bad input, never as a 500.
      return sendProblem(reply, { status: 400, title: 'Dati non validi', detail: 'Un riferimento indica un elemento inesistente' });
    }
    if (isUniqueViolation(error)) {
      const field = duplicateField(error.message);
      if (field) return sendProblem(reply, { status: 409, title: 'Conflitto', detail: `${field.path}: ${field.message}`, errors: [field] });
      return sendProblem(reply, {
        status: 409,
        title: 'Conflitto',
        detail: 'Esiste già un elemento con questi dati (codice o nome duplicato)',
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendClientProblem(reply, error, status);
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, { status: 500, title: 'Errore interno', detail: 'Errore interno del server' });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { status: 404, title: 'Non trovato', detail: `Nessuna risorsa ${request.method} ${request.url.split('?')[0]}` }),
  );
});
