// Decorates the app with the one database connection and the clock it was built with, holds every reply
// until what was committed before it is on disk (see audit/group-commit.ts), and holds every request
// while a bulk write has the connection alone (see write-gate.ts).
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import type { Db } from '@bds/db';
import type { Clock } from '@bds/shared';
import { settled } from '../audit/group-commit.ts';
import { writeGateOf } from '../write-gate.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    clock: Clock;
  }
  interface FastifyContextConfig {
    /** The route writes in bulk through the write gate: its request holds no pass, or it would wait for itself. */
    bulkWrite?: boolean;
    /** The route only reads what no bulk write changes (health): it goes on while one holds the connection. */
    besideBulkWrites?: boolean;
  }
  interface FastifyRequest {
    /**
     * The request will not touch the connection again (an export reading from its own snapshot):
     * a bulk write need not wait for it, however slowly its client downloads.
     */
    doneWithConnection(): void;
  }
}

export default fp(async function dbPlugin(app: FastifyInstance, options: { db: Db; clock: Clock }) {
  app.decorate('db', options.db);
  app.decorate('clock', options.clock);
  const gate = writeGateOf(options.db);
  /** The requests holding a pass on each connection, and its one 'close' listener that gives them back. */
  const holders = new WeakMap<Socket, { requests: Set<FastifyRequest>; gone: () => void }>();
  const connectionOf = new WeakMap<FastifyRequest, Socket>();
  const hold = (request: FastifyRequest, socket: Socket) => {
    let holding = holders.get(socket);
    if (!holding) {
      const requests = new Set<FastifyRequest>();
      holding = { requests, gone: () => requests.forEach(leave) };
      holders.set(socket, holding);
      socket.once('close', holding.gone);
    }
    holding.requests.add(request);
    connectionOf.set(request, socket);
  };
  const leave = (request: FastifyRequest) => {
    const socket = connectionOf.get(request);
    if (!socket) return;
    connectionOf.delete(request);
    const holding = holders.get(socket)!;
    holding.requests.delete(request);
    if (holding.requests.size === 0) {
      holders.delete(socket);
      socket.removeListener('close', holding.gone);
    }
    gate.leave();
  };
  app.decorateRequest('doneWithConnection', function (this: FastifyRequest) {
    leave(this);
  });
  // Registered before every other hook, so that nothing of a request touches the connection while
  // a bulk write holds it. The pass ends with the reply, or with the connection if the client goes
  // first: the reply may then never finish, and its own 'close' never come when Node had queued it
  // behind the connection's previous reply. A client may also leave while its request waits here:
  // nobody can read the answer, so the request stops there.
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.routeOptions.config.besideBulkWrites) return done();
    const socket = request.raw.socket;
    if (request.routeOptions.config.bulkWrite) {
      const goOn = () => void (socket.destroyed || done());
      const wait = gate.passThrough();
      return wait ? void wait.then(goOn) : goOn();
    }
    // The gate has counted the pass when it let the request in.
    const held = () => {
      if (socket.destroyed) return gate.leave();
      hold(request, socket);
      done();
    };
    const wait = gate.enter();
    return wait ? void wait.then(held) : held();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    leave(request);
    done();
  });
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
