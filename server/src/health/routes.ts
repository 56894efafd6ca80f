import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../plugins/errors.ts';
import { databaseReadiness } from './service.ts';

const healthReply = z.object({
  status: z.literal('ok'),
  db: z.literal('ok'),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int(), current: z.literal(true) }),
  version: z.string(),
});

/**
 * Liveness and readiness: 503 while the server starts or shuts down, when the database is
 * unreachable, or when it lacks migrations the code expects.
 */
const healthRoutes: FastifyPluginAsyncZod<{ version: string; isReady: () => boolean }> = async (app, options) => {
  app.get('/api/health', {
    // Health tells whether the event loop answers, so it does not wait for a bulk write's end.
    config: { public: true, besideBulkWrites: true },
    schema: { tags: ['health'], summary: 'Stato del servizio, del database e delle migrazioni', response: { 200: healthReply } },
    handler: async (_request, reply) => {
      if (!options.isReady()) {
        await sendProblem(reply, { status: 503, title: 'Non disponibile', detail: 'Il servizio si sta avviando o arrestando' });
        return;
      }
      const database = databaseReadiness(app.db);
      if (!database.ready) {
        await sendProblem(reply, { status: 503, title: 'Non disponibile', detail: database.detail });
        return;
      }
      return {
        status: 'ok' as const,
        db: 'ok' as const,
        migrations: { ...database.migrations, current: true as const },
        version: options.version,
      };
    },
  });
};

export default healthRoutes;
