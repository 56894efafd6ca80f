import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../plugins/errors.ts';

const healthReply = z.object({ status: z.literal('ok'), db: z.literal('ok'), version: z.string() });

/** Liveness and readiness: 503 while the server starts or shuts down, or the database is unreachable. */
const healthRoutes: FastifyPluginAsyncZod<{ version: string; isReady: () => boolean }> = async (app, options) => {
  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'Stato del servizio e del database', response: { 200: healthReply } },
    handler: async (_request, reply) => {
      if (!options.isReady()) {
        await sendProblem(reply, { status: 503, title: 'Non disponibile', detail: 'Il servizio si sta avviando o arrestando' });
        return;
      }
      try {
        app.db.$client.prepare('SELECT 1').get();
      } catch {
        await sendProblem(reply, { status: 503, title: 'Non disponibile', detail: 'Database non raggiungibile' });
        return;
      }
      return { status: 'ok' as const, db: 'ok' as const, version: options.version };
    },
  });
};

export default healthRoutes;
