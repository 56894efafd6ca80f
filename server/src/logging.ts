// What the server writes to its log, and what it never writes: names, codici fiscali,
// passwords and tokens. Requests are logged by their route pattern, never by their URL,
// because a search URL carries the name or codice fiscale searched for.
import { LogController, type FastifyServerOptions } from 'fastify';

/** Where log lines go instead of stdout: tests capture them. */
export interface LogStream {
  write(line: string): void;
}

export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'body',
  'headers.authorization',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.temporaryPassword',
  '*.refreshToken',
  '*.accessToken',
  '*.fiscalCode',
  '*.givenName',
  '*.familyName',
  '*.birthDate',
];

/** A request as logged: method and path only, with every segment that is not a plain word or number masked. */
export function requestForLog(req: { method?: string; url?: string }) {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const masked = path
    .split('/')
    .map((segment) => (/^(?:\d+|[a-z]+(?:-[a-z]+)*|\d{4}-\d{2})$/.test(segment) && segment.length <= 24 ? segment : '…'))
    .join('/');
  return { method: req.method, url: masked };
}

/** Fastify's own request lines are off: the request-log plugin writes one by route pattern instead. */
export function loggingOptions(level: string, stream?: LogStream): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return {
    logger: {
      level,
      redact: { paths: LOG_REDACT, censor: '[redatto]' },
      serializers: { req: requestForLog },
      ...(stream ? { stream } : {}),
    },
    logController: new LogController({ disableRequestLogging: true }),
  };
}
