// Online backup with SQLite's backup API, restore with the server stopped, and the lock file
// by which a running server tells the restore to keep off its database.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, renameSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export function lockPath(databasePath: string): string {
  return `${resolve(databasePath)}.server.lock`;
}

/** The lock this process holds, by database path. */
const held = new Map<string, Database.Database>();

/**
 * Takes the lock, or returns null when another live process holds it. The lock is SQLite's own
 * exclusive lock on a small file (an fcntl lock), which the operating system drops when its
 * process dies, however it dies: a supervisor can restart a killed server at once.
 */
function takeLock(databasePath: string): Database.Database | null {
  const path = lockPath(databasePath);
  // The first start of a new deployment: the database's folder does not exist yet.
  mkdirSync(dirname(path), { recursive: true });
  const lock = new Database(path, { timeout: 0 });
  try {
    lock.pragma('journal_mode = MEMORY');
    lock.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in this mode it is kept until the connection closes.
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL)');
    lock.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
    return lock;
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw error;
  }
}

/** Whether a live server holds this database's lock. */
export function serverRunning(databasePath: string): boolean {
  if (held.has(resolve(databasePath))) return true;
  const lock = takeLock(databasePath);
  lock?.close();
  return lock === null;
}

export function claimServerLock(databasePath: string): void {
  const lock = takeLock(databasePath);
  if (!lock)
    throw new Error(`Il database ${databasePath} è già in uso da un altro server in esecuzione: fermalo prima di avviarne un secondo`);
  held.set(resolve(databasePath), lock);
}

export function releaseServerLock(databasePath: string): void {
  held.get(resolve(databasePath))?.close();
  held.delete(resolve(databasePath));
}

export interface DatabaseCheck {
  integrity: string;
  tables: number;
  auditTriggers: number;
}

/** Integrity and the pieces a restore must not lose: the tables and the append-only triggers of the access log. */
export function checkDatabase(path: string): DatabaseCheck {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    return {
      integrity: rows.map((row) => row.integrity_check).join('; '),
      tables: count("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'"),
      auditTriggers: count("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"),
    };
  } finally {
    sqlite.close();
  }
}

/**
 * A consistent copy of a live database. All pages are copied in one step, inside one read
 * transaction, so writers carry on and the copy is the database as of one commit.
 */
export async function backupDatabase(databasePath: string, destination: string): Promise<DatabaseCheck> {
  if (!existsSync(databasePath)) throw new Error(`Database inesistente: ${databasePath}`);
  if (existsSync(destination)) throw new Error(`Il file di destinazione esiste già: ${destination}`);
  const sqlite = new Database(databasePath, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    await sqlite.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    sqlite.close();
  }
  // The copy is one file: in WAL mode, like the live database, every later opening (the check below,
  // a restore's) would leave a -wal and a -shm beside it in the backup folder.
  const copy = new Database(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const check = checkDatabase(destination);
  if (check.integrity !== 'ok') throw new Error(`La copia non supera il controllo di integrità: ${check.integrity}`);
  return check;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts a backup in place of the database, with the server stopped. The database being
 * replaced is kept beside it (with its WAL) under a `.before-restore-<time>` name.
 */
export function restoreDatabase(backupPath: string, databasePath: string): { keptAs: string | null; check: DatabaseCheck } {
  // Held until the copy is in place, so that no server starts on the database meanwhile.
  const lock = takeLock(databasePath);
  if (!lock) throw new Error('Un server in esecuzione usa il database: fermalo prima del ripristino');
  try {
    return replaceDatabase(backupPath, databasePath);
  } finally {
    lock.close();
  }
}

function replaceDatabase(backupPath: string, databasePath: string): { keptAs: string | null; check: DatabaseCheck } {
  const check = checkDatabase(backupPath);
  if (check.integrity !== 'ok') throw new Error(`La copia non supera il controllo di integrità: ${check.integrity}`);
  if (check.auditTriggers === 0)
    throw new Error('La copia non contiene le protezioni del registro accessi: non è un database di questo sistema');

  const target = resolve(databasePath);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const keptAs = existsSync(target) ? `${target}.before-restore-${stamp}` : null;
  const staging = resolve(dirname(target), `.${basename(target)}.restoring`);
  copyFileSync(backupPath, staging);
  fsyncPath(staging);
  for (const suffix of ['', '-wal', '-shm']) {
    if (keptAs && existsSync(target + suffix)) renameSync(target + suffix, keptAs + suffix);
  }
  renameSync(staging, target);
  fsyncPath(dirname(target));
  return { keptAs, check };
}
