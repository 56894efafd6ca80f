// The per-account half of the sign-in limit: the per-address half is the route's own
// `rateLimit` config. Together they stop both password spraying from one address and a
// distributed guess at one account.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TooManyRequests } from '../errors.ts';

const ACCOUNT_WINDOW = '15 minutes';

export function loginLimitPerAccount(app: FastifyInstance, max: number) {
  const attempt = app.createRateLimit({
    max,
    timeWindow: ACCOUNT_WINDOW,
    keyGenerator: (request) => `login-account:${accountOf(request)}`,
  });
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await attempt(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('retry-after', String(result.ttlInSeconds));
    throw new TooManyRequests('Troppi tentativi di accesso per questo utente: riprova più tardi');
  };
}

function accountOf(request: FastifyRequest): string {
  const body = request.body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.trim().toLocaleLowerCase('it') : '';
}
