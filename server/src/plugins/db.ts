// Decorates the app with the one database connection it was built with.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Db } from '@bds/db';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export default fp(async function dbPlugin(app: FastifyInstance, options: { db: Db }) {
  app.decorate('db', options.db);
});
