// `tsx db/src/seed/cli.ts [dbPath]`: migrate a database and fill it with reference and demo data when empty.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDb, openDb } from '../connection.ts';
import { isDatabaseEmpty, seedDemoData, seedReferenceData } from './index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const path = process.argv[2] ?? process.env.DATABASE_PATH ?? resolve(repoRoot, 'data/bds.sqlite');

const db = openDb(path);
migrateDb(db);
if (isDatabaseEmpty(db)) {
  const started = performance.now();
  seedReferenceData(db);
  const summary = await seedDemoData(db);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${path}: seeded ${summary.users} users, ${summary.persons} persons, ${summary.ptris} PTRIs, ${summary.evaluations} evaluations in ${seconds} s`,
  );
} else {
  console.log(`${path}: already has users, nothing seeded`);
}
db.$client.close();
