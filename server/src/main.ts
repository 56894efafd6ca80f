// Process entry point: configure, migrate, seed demo data into an empty database, serve, stop cleanly.
import { enableTrace, migrateDb, openDb, startCheckpointer, traceEvent, traceNow } from '@bds/db';
import { claimServerLock, releaseServerLock } from '@bds/db/backup';
import { isDatabaseEmpty, seedDemoData, seedReferenceData } from '@bds/db/seed';
import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';

/** How long in-flight requests get to finish after SIGTERM before the process gives up on them. */
const SHUTDOWN_GRACE_MS = 10_000;

const config = loadConfig();
if (config.stallTrace) enableTrace(config.stallTrace);
claimServerLock(config.databasePath);
const db = openDb(config.databasePath);
migrateDb(db);
if (isDatabaseEmpty(db)) {
  seedReferenceData(db);
  if (config.demoData) await seedDemoData(db);
}

let ready = false;
const app = await buildApp({ db, config, isReady: () => ready });
const checkpointer = startCheckpointer(db, {
  onFailure: (error) => app.log.error({ err: error }, 'checkpoint worker failed: SQLite checkpoints the log by itself again'),
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  ready = false;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  const deadline = setTimeout(() => {
    app.log.error('in-flight requests did not finish in time');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  deadline.unref();
  // close() stops accepting connections and resolves once every in-flight request has been answered.
  await app.close();
  // Closing the last connection checkpoints the WAL into the database file: the worker's goes first.
  await checkpointer?.stop();
  db.$client.close();
  releaseServerLock(config.databasePath);
  app.log.info('stopped');
  process.exit(0);
}
// An answer given while stopping closes its connection: a keep-alive connection would otherwise
// hold close() open until its idle timeout.
app.addHook('onSend', (_request, reply, payload, done) => {
  if (stopping) reply.header('connection', 'close');
  done(null, payload);
});
if (config.stallTrace) {
  // Each request's time inside the server, to set beside what the client saw (tests/bench/stall-trace.ts).
  const receivedAt = new WeakMap<object, number>();
  app.addHook('onRequest', (request, _reply, done) => {
    receivedAt.set(request, traceNow());
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    traceEvent('request', { t0: receivedAt.get(request), t1: traceNow(), port: request.socket.remotePort, url: request.url });
    done();
  });
  // When each connection was accepted, to tell a late accept from a late first read.
  app.server.on('connection', (socket: { remotePort?: number }) => traceEvent('connection', { t: traceNow(), port: socket.remotePort }));
}
// Kept for every signal, not once: Ctrl-C on `pnpm start` arrives twice (the terminal's and pnpm's
// forwarded copy), and a second one left to its default would end the process mid-stop.
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
ready = true;
app.log.info(`Budget di Salute in ascolto su http://localhost:${config.port}`);
