// Every .xlsx the server reads or writes goes through one worker thread that alone loads exceljs.
// On the main thread, requiring exceljs held the event loop 0.4-2.9 s, writing a 3,000-row workbook
// 0.26 s and reading a 20,000-row one longer: the worker does that work, and the main thread
// only passes the bytes in and takes rows (in slices) or bytes back.
//
// One worker for the process, started on the first workbook and kept: loading exceljs costs the
// worker about half a second of CPU, which a worker per call would pay on every file. It is
// unref'd, so it keeps no process alive, and ended after a minute without work, which gives back
// the memory of the last workbook (RSS stayed ~400 MB after a 20,000-row import). If it dies (a crash, out of memory on a hostile sheet), the
// calls it held fail with a 503 problem (`Unavailable`) and the next call starts a new one.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { Unavailable } from '../errors.ts';

/** Why a workbook could not be read; the caller words it for the user. */
export type SheetReadFailure = 'unreadable' | 'no-sheet' | 'too-many-rows';

export type SheetRead = { ok: true; records: string[][] } | { ok: false; reason: SheetReadFailure };

const workerFailed = (cause: string) =>
  new Unavailable('Il servizio che legge e scrive i fogli .xlsx si è interrotto: riprovare tra poco', cause);

/** Rows per message each way: a message is cloned on the main thread in one piece. */
const ROWS_PER_MESSAGE = 1_000;

/** How long the worker waits for the next workbook before it ends. */
const IDLE_MS = 60_000;

// Plain CommonJS evaluated by the worker, so that it runs the same from the TypeScript sources
// and from the server's bundle. `cellText` gives a cell as the text a CSV would hold; a date cell
// as its calendar date (ISO, which the import's rows accept).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
const ROWS_PER_MESSAGE = workerData.rowsPerMessage;

function cellText(value) {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result);
  return '';
}

async function read(id, bytes, maxRows) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes));
  } catch {
    return parentPort.postMessage({ id, failed: 'unreadable' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return parentPort.postMessage({ id, failed: 'no-sheet' });
  if (sheet.actualRowCount > maxRows + 1) return parentPort.postMessage({ id, failed: 'too-many-rows' });
  let rows = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value).trim());
    if (!cells.some((cell) => cell !== '')) return;
    rows.push(cells);
    if (rows.length === ROWS_PER_MESSAGE) {
      parentPort.postMessage({ id, rows });
      rows = [];
    }
  });
  parentPort.postMessage({ id, rows, done: true });
}

const writing = new Map();

async function write(message) {
  let job = writing.get(message.id);
  if (!job) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(message.sheetName);
    sheet.addRow(message.header);
    sheet.getRow(1).font = { bold: true };
    job = { workbook, sheet };
    writing.set(message.id, job);
  }
  job.sheet.addRows(message.rows);
  if (!message.last) return;
  writing.delete(message.id);
  const bytes = await job.workbook.xlsx.writeBuffer();
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  parentPort.postMessage({ id: message.id, bytes: buffer }, [buffer]);
}

parentPort.on('message', (message) => {
  const job = message.kind === 'read' ? read(message.id, message.bytes, message.maxRows) : write(message);
  job.catch((error) => parentPort.postMessage({ id: message.id, error: String(error && error.message) }));
});
`;

type Answer =
  | { id: number; rows: string[][]; done?: true }
  | { id: number; failed: SheetReadFailure }
  | { id: number; bytes: ArrayBuffer }
  | { id: number; error: string };

interface Pending {
  answer: (message: Answer) => void;
  fail: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let idleTimer: NodeJS.Timeout | undefined;

function endWhenIdle(): void {
  clearTimeout(idleTimer);
  if (pending.size > 0 || !worker) return;
  const idle = worker;
  idleTimer = setTimeout(() => {
    if (worker !== idle || pending.size > 0) return;
    worker = null;
    void idle.terminate();
  }, IDLE_MS).unref();
}

function excelWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { exceljs: createRequire(import.meta.url).resolve('exceljs'), rowsPerMessage: ROWS_PER_MESSAGE },
  });
  started.unref();
  started.on('message', (message: Answer) => pending.get(message.id)?.answer(message));
  const failAll = (cause: string) => {
    if (worker !== started) return;
    worker = null;
    const calls = [...pending.values()];
    pending.clear();
    for (const call of calls) call.fail(workerFailed(`the .xlsx worker stopped: ${cause}`));
  };
  started.on('error', (error) => failAll(error.message));
  started.on('exit', (code) => failAll(`exit code ${code}`));
  worker = started;
  return started;
}

function call<T>(
  send: (worker: Worker, id: number) => void | Promise<void>,
  answer: (message: Answer, settle: (value: T) => void) => void,
): Promise<T> {
  const id = nextId++;
  const running = excelWorker();
  clearTimeout(idleTimer);
  return new Promise<T>((resolve, reject) => {
    const finish = () => {
      pending.delete(id);
      endWhenIdle();
    };
    const settle = (value: T) => {
      finish();
      resolve(value);
    };
    const refuse = (error: Error) => {
      finish();
      reject(error);
    };
    pending.set(id, {
      answer: (message) =>
        'error' in message ? refuse(workerFailed(`the .xlsx worker failed: ${message.error}`)) : answer(message, settle),
      fail: reject,
    });
    Promise.resolve(send(running, id)).catch(refuse);
  });
}

/**
 * The first sheet's non-empty rows as trimmed text cells. The file's memory is handed to the worker
 * when the buffer owns all of it (the caller must not use `file` afterwards), copied otherwise.
 */
export function readFirstSheet(file: Buffer, maxRows: number): Promise<SheetRead> {
  const owned = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength && file.buffer instanceof ArrayBuffer;
  const bytes = owned ? (file.buffer as ArrayBuffer) : new Uint8Array(file).buffer;
  const records: string[][] = [];
  return call<SheetRead>(
    (running, id) => running.postMessage({ kind: 'read', id, bytes, maxRows }, [bytes]),
    (message, settle) => {
      if ('failed' in message) return settle({ ok: false, reason: message.failed });
      if (!('rows' in message)) return;
      for (const row of message.rows) records.push(row);
      if (message.done) settle({ ok: true, records });
    },
  );
}

/** A workbook of one sheet: the header in bold, then the records, as the bytes of an .xlsx file. */
export function writeWorkbook(sheetName: string, header: string[], records: (string | number)[][]): Promise<Buffer> {
  return call<Buffer>(
    async (running, id) => {
      for (let from = 0; from === 0 || from < records.length; from += ROWS_PER_MESSAGE) {
        // Each slice is cloned on its own turn, so a large export never holds the loop while it is sent.
        if (from > 0) await new Promise(setImmediate);
        const rows = records.slice(from, from + ROWS_PER_MESSAGE);
        running.postMessage({ kind: 'write', id, sheetName, header, rows, last: from + ROWS_PER_MESSAGE >= records.length });
      }
    },
    (message, settle) => {
      if ('bytes' in message) settle(Buffer.from(message.bytes));
    },
  );
}

/** How many reads and writes the worker holds (tests wait for one before they end it). */
export function excelCallsInFlight(): number {
  return pending.size;
}

/** Ends the worker as a crash would, failing the calls it holds (tests check that the next call recovers). */
export async function stopExcelWorkerForTests(): Promise<void> {
  await worker?.terminate();
}
