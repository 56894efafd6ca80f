import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { lineConfirmationBody, lineParams, ptriDetailSchema, rolesWith } from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import * as confirmations from './service.ts';

const lineConfirmationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/ptris/:id/budget-lines/:lineId/confirmation', {
    config: { roles: rolesWith('confirmSocialLines') },
    schema: {
      tags: ['ptri'],
      summary: "Conferma o rifiuta una riga di budget dei servizi sociali (l'assistente sociale del distretto della persona)",
      params: lineParams,
      body: lineConfirmationBody,
      response: { 200: ptriDetailSchema },
    },
    handler: (request) => confirmations.decideLine(app.db, actorOf(request), request.params.id, request.params.lineId, request.body),
  });
};

export default lineConfirmationRoutes;
