// Online backup with SQLite's backup API, restore with the server stopped, and the lock file
// by which a running server tells the restore to keep off its database.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export function lockPath(databasePath: string): string {
  return `${resolve(databasePath)}.server.pid`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live server using this database, or null (a lock left by a killed server does not count). */
export function runningServer(databasePath: string): number | null {
  const path = lockPath(databasePath);
  if (!existsSync(path)) return null;
  const pid = Number(readFileSync(path, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
}

export function claimServerLock(databasePath: string): void {
  const other = runningServer(databasePath);
  if (other) throw new Error(`Il database ${databasePath} è già in uso dal server con pid ${other}`);
  // The first start of a new deployment: the database's folder does not exist yet.
  mkdirSync(dirname(lockPath(databasePath)), { recursive: true });
  writeFileSync(lockPath(databasePath), `${process.pid}\n`);
}

export function releaseServerLock(databasePath: string): void {
  const path = lockPath(databasePath);
  if (existsSync(path) && readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
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
  const server = runningServer(databasePath);
  if (server) throw new Error(`Il server (pid ${server}) usa il database: fermalo prima del ripristino`);
  const check = checkDatabase(backupPath);
  if (check.integrity !== 'ok') throw new Error(`La copia non supera il controllo di integrità: ${check.integrity}`);
  if (check.auditTriggers === 0) throw new Error('La copia non contiene le protezioni del registro accessi: non è un database di questo sistema');

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
