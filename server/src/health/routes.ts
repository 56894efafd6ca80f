import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationStatus } from '@bds/db';
import { sendProblem } from '../plugins/errors.ts';

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
    config: { public: true },
    schema: { tags: ['health'], summary: 'Stato del servizio, del database e delle migrazioni', response: { 200: healthReply } },
    handler: async (_request, reply) => {
      if (!options.isReady()) {
        await sendProblem(reply, { status: 503, title: 'Non disponibile', detail: 'Il servizio si sta avviando o arrestando' });
        return;
      }
      let migrations;
      try {
        app.db.$client.prepare('SELECT 1').get();
        migrations = migrationStatus(app.db.$client);
      } catch {
        await sendProblem(reply, { status: 503, title: 'Non disponibile', detail: 'Database non raggiungibile' });
        return;
      }
      if (!migrations.current) {
        await sendProblem(reply, {
          status: 503,
          title: 'Non disponibile',
          detail: `Migrazioni del database non allineate (${migrations.applied} applicate su ${migrations.expected})`,
        });
        return;
      }
      return { status: 'ok' as const, db: 'ok' as const, migrations: { ...migrations, current: true as const }, version: options.version };
    },
  });
};

export default healthRoutes;
