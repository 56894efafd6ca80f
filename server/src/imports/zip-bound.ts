// An .xlsx is a zip: a few kilobytes can inflate to gigabytes. Before exceljs inflates anything,
// the zip's central directory is read, its declared sizes summed against a bound, and every entry
// inflated once with its output capped at its declared size, so a file that lies about its sizes
// is refused as soon as it inflates past them.
import { inflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

const inflateRawOffThread = promisify(inflateRaw);

/** Far above a 20,000-row sheet (a few tens of megabytes inflated), far below the server's memory. */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export type ZipCheck = { ok: true } | { ok: false; message: string };

const unreadable: ZipCheck = { ok: false, message: 'foglio .xlsx illeggibile: salvarlo di nuovo dal foglio di calcolo' };

/** The offset of the end-of-central-directory record: in the last 64 KiB + 22 bytes of the file. */
function endOfDirectory(file: Buffer): number | null {
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 0xffff); at--) {
    if (file.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return null;
}

/** Capped at the declared size: inflating past it throws, and the entry lied. */
const inflateOptions = (size: number) => ({ maxOutputLength: Math.max(1, size), chunkSize: 1024 * 1024 });

/**
 * Each deflated entry is inflated on libuv's thread pool: inflating a 20,000-row sheet in one call
 * held the event loop 40-120 ms.
 */
export async function checkZipInflation(file: Buffer, maxBytes = MAX_INFLATED_BYTES): Promise<ZipCheck> {
  const tooLarge: ZipCheck = {
    ok: false,
    message: `il foglio .xlsx si espande oltre ${Math.round(maxBytes / 2 ** 20)} MiB: dividere il file in più importazioni`,
  };
  if (file.length < 22) return unreadable;
  const end = endOfDirectory(file);
  if (end === null) return unreadable;
  const entries = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  let declared = 0;
  for (let i = 0; i < entries; i++) {
    // 0xffffffff sizes mean zip64, which no spreadsheet of a size this server takes needs.
    if (at + 46 > file.length || file.readUInt32LE(at) !== DIRECTORY_ENTRY) return unreadable;
    const method = file.readUInt16LE(at + 10);
    const compressed = file.readUInt32LE(at + 20);
    const size = file.readUInt32LE(at + 24);
    const local = file.readUInt32LE(at + 42);
    at += 46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    declared += size;
    if (size === 0xffffffff || declared > maxBytes) return tooLarge;
    if (local + 30 > file.length || file.readUInt32LE(local) !== LOCAL_HEADER) return unreadable;
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    if (start + compressed > file.length) return unreadable;
    const data = file.subarray(start, start + compressed);
    if (method === STORED) {
      if (compressed !== size) return unreadable;
    } else if (method === DEFLATED) {
      const inflated = await inflateRawOffThread(data, inflateOptions(size)).catch((error: unknown) => error as { code?: string });
      if (!Buffer.isBuffer(inflated)) return inflated.code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge : unreadable;
      if (inflated.length !== size) return unreadable;
    } else return unreadable;
  }
  return { ok: true };
}
