// Builds the Fastify application: plugins first, then one route group per feature.
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '@bds/db';
import { systemClock, type Clock } from '@bds/shared';
import { configureItalianZodMessages } from '@bds/shared/zod-italian';
import type { Config } from './config.ts';
import { replySerializerCompiler } from './reply-serializer.ts';
import errorsPlugin, { sendClientErrorProblem, sendFrameworkProblem } from './plugins/errors.ts';
import securityPlugin from './plugins/security.ts';
import requestLogPlugin from './plugins/request-log.ts';
import { loggingOptions, type LogStream } from './logging.ts';
import dbPlugin from './plugins/db.ts';
import authPlugin from './plugins/auth.ts';
import { LoginThrottle } from './plugins/login-limit.ts';
import openapiPlugin from './plugins/openapi.ts';
import clientPlugin from './plugins/client.ts';
import healthRoutes from './health/routes.ts';
import authRoutes from './auth/routes.ts';
import userRoutes from './users/routes.ts';
import referenceRoutes from './reference/routes.ts';
import personRoutes from './persons/routes.ts';
import ptriRoutes from './ptri/routes.ts';
import evaluationRoutes from './evaluations/routes.ts';
import reportRoutes from './reports/routes.ts';
import auditRoutes from './audit/routes.ts';
import interventionRoutes from './interventions/routes.ts';
import activityRoutes from './activities/routes.ts';
import monthlyReportRoutes from './monthly-reports/routes.ts';
import managementReportRoutes from './reports/management-routes.ts';
import scaleRoutes from './evaluations/scale-routes.ts';
import outcomeRoutes from './outcomes/routes.ts';
import importRoutes from './imports/routes.ts';
import flatRoutes from './flats/routes.ts';
import communityActivityRoutes from './community-activities/routes.ts';
import signatureRoutes from './signatures/routes.ts';
import benefitRoutes from './benefits/routes.ts';
import budgetCompositionRoutes from './budget-composition/routes.ts';
import resourceRoutes from './resources/routes.ts';
import proposalRoutes from './proposals/routes.ts';
import lineConfirmationRoutes from './line-confirmations/routes.ts';
import socialWorkerRoutes from './social-workers/routes.ts';

export interface BuildOptions {
  db: Db;
  config: Config;
  /** Readiness for /api/health; the process entry point flips it while starting and stopping. */
  isReady?: () => boolean;
  /** Where the log goes instead of stdout (tests read it back). */
  logStream?: LogStream;
  /** Where "today" comes from; tests pin a day. */
  clock?: Clock;
}

export async function buildApp({
  db,
  config,
  isReady = () => true,
  logStream,
  clock = systemClock,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggingOptions(config.logLevel, logStream),
    bodyLimit: 1024 * 1024,
    // Node's defaults let a client hold a connection forever without sending a request.
    http: {
      headersTimeout: config.timeouts.headersMs,
      // How often Node looks for connections past those timeouts (its default is 30 s).
      connectionsCheckingInterval: Math.min(1_000, config.timeouts.headersMs),
    },
    requestTimeout: config.timeouts.requestMs,
    keepAliveTimeout: config.timeouts.keepAliveMs,
    connectionTimeout: config.timeouts.requestMs,
    trustProxy: false,
    frameworkErrors: sendFrameworkProblem,
    clientErrorHandler: sendClientErrorProblem,
  }).withTypeProvider<ZodTypeProvider>();
  configureItalianZodMessages();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(replySerializerCompiler);

  await app.register(errorsPlugin);
  await app.register(dbPlugin, { db, clock });
  await app.register(requestLogPlugin);
  await app.register(securityPlugin, { config });
  await app.register(openapiPlugin, { version: config.version });
  await app.register(authPlugin, { config });

  const authDeps = {
    db,
    signAccessToken: (payload: { sub: string; sid: string }) => app.jwt.sign(payload),
    accessTokenSeconds: config.accessTokenSeconds,
    refreshTokenDays: config.refreshTokenDays,
    refreshRetrySeconds: config.refreshRetrySeconds,
    loginThrottle: new LoginThrottle(config.loginRateLimit),
  };
  await app.register(healthRoutes, { version: config.version, isReady });
  await app.register(authRoutes, { deps: authDeps, loginRateLimit: config.loginRateLimit });
  await app.register(userRoutes);
  await app.register(referenceRoutes);
  await app.register(personRoutes);
  await app.register(ptriRoutes);
  await app.register(evaluationRoutes);
  await app.register(reportRoutes);
  await app.register(auditRoutes);
  await app.register(interventionRoutes, { uploads: config.uploads });
  await app.register(outcomeRoutes);
  await app.register(activityRoutes);
  await app.register(monthlyReportRoutes);
  await app.register(managementReportRoutes);
  await app.register(scaleRoutes);
  await app.register(importRoutes);
  await app.register(flatRoutes);
  await app.register(communityActivityRoutes);
  await app.register(signatureRoutes);
  await app.register(benefitRoutes);
  await app.register(budgetCompositionRoutes);
  await app.register(resourceRoutes);
  await app.register(proposalRoutes);
  await app.register(lineConfirmationRoutes);
  await app.register(socialWorkerRoutes);
  await app.register(clientPlugin, { dist: config.clientDist });
  return app;
}
