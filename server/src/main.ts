// Process entry point: configure, migrate, seed demo data into an empty database, serve, stop cleanly.
import { migrateDb, openDb } from '@bds/db';
import { isDatabaseEmpty, seedDemoData, seedReferenceData } from '@bds/db/seed';
import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';

const config = loadConfig();
const db = openDb(config.databasePath);
migrateDb(db);
if (isDatabaseEmpty(db)) {
  seedReferenceData(db);
  if (config.demoData) await seedDemoData(db);
}

let ready = false;
const app = await buildApp({ db, config, isReady: () => ready });

async function shutdown(signal: string) {
  ready = false;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  db.$client.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
ready = true;
app.log.info(`Budget di Salute in ascolto su http://localhost:${config.port}`);
