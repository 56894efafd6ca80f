// The connection's write-ahead log fsynced off the main thread, and the commit setting that lets a
// transaction reach the log without its own fsync: the group commit and the bulk writes share them.
import { closeSync, fdatasync, fstatSync, openSync, statSync } from 'node:fs';
import type { Db } from '@bds/db';

/** As `pragma()` would set it, through the connection's compiled statements: `pragma()` compiles its statement anew each call. */
export function setSynchronous(db: Db, mode: 'NORMAL' | 'FULL'): void {
  db.$client.prepare(`PRAGMA synchronous = ${mode}`).run();
}

/**
 * The connection's write-ahead log, fsynced on the thread pool. An fsync of the log makes durable
 * every transaction committed into it so far; frames already moved into the database by a
 * checkpoint were synced there by the checkpoint itself.
 */
export class WalFile {
  private fd: number | null = null;
  private readonly path: string | null;

  constructor(db: Db) {
    this.path = db.$client.memory ? null : `${db.$client.name}-wal`;
  }

  sync(done: (error: Error | null) => void): void {
    let fd: number | null;
    try {
      fd = this.open();
    } catch (error) {
      done(error as Error);
      return;
    }
    if (fd === null) setImmediate(done, null);
    else fdatasync(fd, done);
  }

  /**
   * The log's descriptor, reopened if the file was replaced since; null for an in-memory
   * database, or when there is no log (everything committed is then in the database file).
   */
  private open(): number | null {
    if (!this.path) return null;
    const current = statSync(this.path, { throwIfNoEntry: false });
    if (this.fd !== null && current && fstatSync(this.fd).ino === current.ino) return this.fd;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = current ? openSync(this.path, 'r') : null;
    return this.fd;
  }
}
