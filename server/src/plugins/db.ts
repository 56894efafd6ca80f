// Decorates the app with the one database connection and the clock it was built with, and holds every reply
// until what was committed before it is on disk (see audit/group-commit.ts).
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Db } from '@bds/db';
import type { Clock } from '@bds/shared';
import { settled } from '../audit/group-commit.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    clock: Clock;
  }
}

export default fp(async function dbPlugin(app: FastifyInstance, options: { db: Db; clock: Clock }) {
  app.decorate('db', options.db);
  app.decorate('clock', options.clock);
  // A reply may show (or confirm) work committed in this turn's grouped transaction: it leaves
  // only once that transaction is on disk. Without pending work this costs one check.
  app.addHook('onSend', (_request, _reply, payload, done) => {
    const pending = settled(options.db);
    if (!pending) return done(null, payload);
    pending.then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });
});
