import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AXES,
  AXIS_LABELS,
  followUpBody,
  followUpSchema,
  idParams,
  LIVING_SITUATION_LABELS,
  outcomesQuery,
  outcomesReply,
  WORK_SITUATION_LABELS,
} from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import { sendCsv, wantsCsv } from '../reports/csv.ts';
import * as outcomes from './service.ts';

const OUTCOMES_CSV_HEADER = [
  'Servizio',
  'Progetti valutati',
  'Coppie HoNOS',
  'Variazione media HoNOS',
  'Variazione mediana HoNOS',
  ...AXES.flatMap((axis) => [
    `Obiettivi ${AXIS_LABELS[axis]} raggiunti`,
    `Obiettivi ${AXIS_LABELS[axis]} parzialmente raggiunti`,
    `Obiettivi ${AXIS_LABELS[axis]} non raggiunti`,
    `Obiettivi ${AXIS_LABELS[axis]} non valutati`,
    `Obiettivi ${AXIS_LABELS[axis]} aperti`,
  ]),
  'Situazione abitativa (prima → ultima)',
  'Situazione lavorativa (prima → ultima)',
  'Giorni mediani invio → attivazione',
  'Giorni mediani bozza → attivazione',
  'Contatti dopo la chiusura',
];

const moves = (rows: { from: string; to: string; n: number }[], labels: Record<string, string>) =>
  rows.map((r) => `${labels[r.from]} → ${labels[r.to]}: ${r.n}`).join('; ');

const outcomeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/ptris/:id/follow-ups', {
    config: { roles: ['case_manager', 'admin'] },
    schema: {
      tags: ['ptri'],
      summary: 'Registra un contatto dopo la chiusura del progetto',
      params: idParams,
      body: followUpBody,
      response: { 201: followUpSchema },
    },
    handler: (request, reply) => {
      reply.code(201);
      return outcomes.recordFollowUp(app.db, actorOf(request), request.params.id, request.body);
    },
  });

  app.get('/api/ptris/:id/follow-ups', {
    config: { roles: ['case_manager', 'uvm', 'manager', 'admin'] },
    schema: {
      tags: ['ptri'],
      summary: 'Contatti dopo la chiusura del progetto',
      params: idParams,
      response: { 200: z.array(followUpSchema) },
    },
    handler: (request) => outcomes.listFollowUps(app.db, actorOf(request), request.params.id),
  });

  app.get('/api/reports/outcomes', {
    config: { roles: ['manager', 'admin', 'case_manager'] },
    schema: {
      tags: ['reports'],
      summary: 'Esiti: HoNOS, obiettivi, situazione abitativa e lavorativa, tempi, contatti dopo la chiusura',
      querystring: outcomesQuery,
      response: { 200: outcomesReply },
    },
    handler: async (request, reply) => {
      const { year, serviceId, lot, format } = request.query;
      const report = await outcomes.outcomesReport(app.db, actorOf(request), year, serviceId, lot);
      if (!wantsCsv(request, format)) return report;
      await sendCsv(
        reply,
        `esiti-${report.year}.csv`,
        OUTCOMES_CSV_HEADER,
        report.rows.map((r) => [
          r.serviceName,
          r.evaluated,
          r.honos.pairs,
          r.honos.meanChange,
          r.honos.medianChange,
          ...AXES.flatMap((axis) => {
            const goals = r.goals[axis];
            return [goals.achieved, goals.partlyAchieved, goals.notAchieved, goals.notAssessed, goals.open];
          }),
          moves(r.living, LIVING_SITUATION_LABELS),
          moves(r.work, WORK_SITUATION_LABELS),
          r.medianDaysSubmissionToActive,
          r.medianDaysDraftToActive,
          r.followUps,
        ]),
      );
    },
  });
};

export default outcomeRoutes;
