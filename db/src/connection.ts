// One SQLite connection per process, opened once with settings chosen on purpose.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { cacheStatements } from './statement-cache.ts';

// No schema is given to drizzle: only its relational `db.query` API needs one, nothing here uses it,
// and with one drizzle builds a query builder per table for every transaction it opens.
export type Db = BetterSQLite3Database & { $client: Database.Database };

/**
 * Found through this package's own name rather than this file's place, so that the server bundled
 * into server/dist (whose `import.meta.url` is the bundle's) finds the same folder.
 */
export const MIGRATIONS_FOLDER = resolve(dirname(createRequire(import.meta.url).resolve('@bds/db/package.json')), 'migrations');

/**
 * WAL lets readers run beside the single writer. synchronous=FULL makes every committed
 * transaction survive a power loss, not only a process crash: an acknowledged write of a
 * person's data must never be lost, and WAL keeps the cost of FULL to one fsync per commit.
 */
function configure(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  // Sorts and temporary B-trees in memory, not in a temporary file: a project's page sorts its
  // goals, budget lines and evaluations in one statement, which took 15 times as long with three
  // temporary B-trees on file. The sorts here are of pages and bounded exports.
  sqlite.pragma('temp_store = MEMORY');
}

export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  configure(sqlite);
  cacheStatements(sqlite);
  return drizzle(sqlite);
}

/** A read-only connection holding one read transaction, released when the reading is done. */
export type Snapshot = Db & { release(): void };

/**
 * A second connection on the same file that reads the database as of one commit for as long as
 * it is held, while the server's connection goes on writing (WAL keeps that commit's pages for
 * it). Null for an in-memory database, which no second connection can open.
 */
export function openSnapshot(db: Db): Snapshot | null {
  if (db.$client.memory) return null;
  const sqlite = new Database(db.$client.name, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
  cacheStatements(sqlite);
  sqlite.exec('BEGIN');
  // A deferred transaction takes its snapshot at its first read.
  sqlite.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
  const release = () => {
    if (!sqlite.open) return;
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
    sqlite.close();
  };
  return Object.assign(drizzle(sqlite), { release });
}

export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** A fresh, migrated in-memory database: what every test starts from. */
export function openMemoryDb(): Db {
  const db = openDb(':memory:');
  migrateDb(db);
  return db;
}

/** A transaction handle: queries take a `Queryable` so they run inside or outside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;
