// One line per answered request, by route pattern (`/api/persons/:id`), never by raw URL.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export default fp(async function requestLogPlugin(app: FastifyInstance) {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(nessuna)',
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    done();
  });
});
