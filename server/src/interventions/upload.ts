// A cooperative's month as one CSV file: all rows or none, every bad row named, and the same
// rows sent twice change nothing. The file is read and checked in slices that leave the event loop
// free; the rows are then stored in one transaction, itself in slices (write-gate.ts).
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Db, Queryable } from '@bds/db';
import { formatDate, formatMonth, type UploadReply, type UploadRowError } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { backDatedMark, recordAudit } from '../audit/record.ts';
import { Conflict, Forbidden, Invalid, InvalidRows, NotFound } from '../errors.ts';
import { policyOf } from '../access/policy.ts';
import { readCsvFile } from './csv-rows.ts';
import { checkEntry, type NewIntervention, type PartialEntry } from './entry.ts';
import { entryContext } from './service.ts';
import { summaryStatusOf } from './rules.ts';
import { summaryWriter, type ActivityKey, type TotalsKey } from './summaries.ts';
import { CheckInputs } from './check-inputs.ts';
import { sliceOf, writeGateOf } from '../write-gate.ts';
import * as q from './queries.ts';

/** Rows checked, and rows stored, per turn of the event loop (about 5–30 ms of work on this host under load); tests lower it. */
export const uploadTurns = { rows: 500 };

type Row = { row: number; entry: PartialEntry };
type Outcome = { created: boolean; reply: UploadReply };
type Checked = { rows: Row[]; contentHash: string; badRows: Set<number>; values: NewIntervention[]; inputs: CheckInputs };

let files: Promise<unknown> = Promise.resolve();
/**
 * Files are checked and stored one after the other: ten at once would each run a slice in the same
 * turn of the event loop, and a file's check must not read another's half-stored rows.
 */
function oneFileAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = files.then(work);
  files = turn.catch(() => undefined);
  return turn;
}

export async function uploadMonth(db: Db, actor: Actor, cooperativeId: number, month: string, file: Buffer): Promise<Outcome> {
  if (actor.user.role !== 'cooperative') throw new Forbidden('Solo la cooperativa carica i propri interventi');
  if (policyOf(actor.user).reports().cooperativeId !== cooperativeId) throw new NotFound('Cooperativa non trovata');
  return oneFileAtATime(async () => {
    const checked = await readAndCheck(db, actor, cooperativeId, month, file);
    if ('created' in checked) return checked;
    return writeGateOf(db).transaction(db, (turn) => store(db, actor, cooperativeId, month, checked, turn));
  });
}

/**
 * Stores the checked rows, all or none, in one transaction that gives the event loop back between
 * slices. What the check saw may have changed while the event loop served others: every row is
 * checked again, but only when one of the check's reads has changed since.
 */
async function store(db: Db, actor: Actor, cooperativeId: number, month: string, checked: Checked, turn: () => Promise<void>) {
  const { rows, contentHash, badRows, values, inputs } = checked;
  const repeated = repeatOf(db, actor, cooperativeId, month, contentHash);
  if (repeated) return repeated;
  const state = refuseClosedMonth(db, cooperativeId, month);
  let stored = values;
  if (!(await inputs.stillHold(db, cooperativeId, projectIdsOf(rows), policyOf(actor.user), turn))) {
    const again = await checkInSlices(contextFor(db, actor, cooperativeId, rows), rows, badRows, [], turn);
    if (again.errors.length) throw new InvalidRows(again.errors, 'nessun intervento registrato');
    stored = again.values;
  }
  const upload = q.insertUpload(db, { cooperativeId, month, sha256: contentHash, rowCount: stored.length, uploadedBy: actor.user.id });
  const insert = interventionInsert(db);
  const insertSlice = sliceOf(uploadTurns.rows);
  for (const row of stored) {
    insert(row, upload.id);
    if (insertSlice()) await turn();
  }
  await turn();
  await countAll(db, stored, (serviceId) => summaryStatusOf(state.parts.get(serviceId)?.status), turn);
  const perPtri = new Map<number, { personId: number; rows: number }>();
  for (const row of stored) {
    const entry = perPtri.get(row.ptriId) ?? { personId: row.personId, rows: 0 };
    entry.rows += 1;
    perPtri.set(row.ptriId, entry);
  }
  const logSlice = sliceOf(Math.ceil(uploadTurns.rows / 4));
  for (const [ptriId, { personId, rows }] of perPtri) {
    // One access-log row per project: 500 of them took about 90 ms on tier L.
    if (logSlice()) await turn();
    recordAudit(db, actor, {
      action: 'create',
      entity: 'intervention_upload',
      entityId: upload.id,
      personId,
      changes: { month, ptriId, rows, ...backDatedMark(`${month}-01`, actor.today) },
    });
  }
  const counted = stored.length === 1 ? 'Caricato 1 intervento' : `Caricati ${stored.length.toLocaleString('it-IT')} interventi`;
  const message = `${counted} del mese di ${formatMonth(month)}`;
  return { created: true, reply: { uploadId: upload.id, rows: stored.length, alreadyUploaded: false, message } };
}

/** The file's rows once read and checked against the database in slices; the answer to a repeat. */
async function readAndCheck(db: Db, actor: Actor, cooperativeId: number, month: string, file: Buffer): Promise<Outcome | Checked> {
  const parsed = await readCsvFile(file.toString('utf8'), month);
  if (!parsed.ok) throw new Invalid('file', parsed.message);
  // The identities' sort and hash ended that turn: the reads below, of every project the file
  // names, start another.
  await yieldToEventLoop();
  const { rows, contentHash } = parsed;
  if (contentHash !== null) {
    const repeated = db.transaction((tx) => repeatOf(tx, actor, cooperativeId, month, contentHash));
    if (repeated) return repeated;
  }
  refuseClosedMonth(db, cooperativeId, month);
  const badRows = new Set(parsed.errors.map((e) => e.row));
  const inputs = new CheckInputs();
  const ctx = contextFor(db, actor, cooperativeId, rows, inputs);
  const { values, errors } = await checkInSlices(ctx, rows, badRows, parsed.errors, () => yieldToEventLoop());
  // A file without an identity has bad rows, and they are among `errors`.
  if (errors.length || contentHash === null) throw new InvalidRows(errors, 'nessun intervento registrato');
  return { rows, contentHash, badRows, values, inputs };
}

/** The answer to the same rows sent again while those of the earlier upload are still stored (deleting them all allows loading them again). */
function repeatOf(tx: Queryable, actor: Actor, cooperativeId: number, month: string, contentHash: string): Outcome | null {
  const previous = q.storedUploadByHash(tx, cooperativeId, month, contentHash);
  if (!previous) return null;
  recordAudit(tx, actor, {
    action: 'create',
    entity: 'intervention_upload',
    entityId: previous.id,
    changes: { month, sha256: contentHash, repeated: true },
  });
  const message = `File già caricato il ${formatDate(previous.createdAt)}: nessuna modifica`;
  return { created: false, reply: { uploadId: previous.id, rows: previous.rowCount, alreadyUploaded: true, message } };
}

function refuseClosedMonth(db: Queryable, cooperativeId: number, month: string) {
  const state = q.monthState(db, cooperativeId, month);
  if (state.monthStatus === 'submitted' || state.monthStatus === 'validated') {
    throw new Conflict(`Il mese di ${formatMonth(month)} è già stato inviato: non si possono caricare interventi`);
  }
  return state;
}

function projectIdsOf(rows: Row[]): number[] {
  const ids = new Set<number>();
  for (const { entry } of rows) if (entry.ptriId !== undefined) ids.add(entry.ptriId);
  return [...ids];
}

function contextFor(db: Queryable, actor: Actor, cooperativeId: number, rows: Row[], inputs?: CheckInputs) {
  const projects = q.projectsForWork(db, projectIdsOf(rows), policyOf(actor.user));
  return entryContext(db, actor, cooperativeId, projects, undefined, 0, inputs);
}

/**
 * Checks rows in file order, each against the hours of the rows accepted before it, a slice per
 * turn; rows already known to be bad are checked but never accepted.
 */
async function checkInSlices(
  ctx: ReturnType<typeof contextFor>,
  rows: Row[],
  badRows: Set<number>,
  earlierErrors: UploadRowError[],
  turn: () => Promise<void>,
) {
  const values: NewIntervention[] = [];
  const errors = [...earlierErrors];
  // The context's reads of the file's projects are a turn's work on a large database: a turn of their own.
  await turn();
  const checkSlice = sliceOf(uploadTurns.rows);
  for (const { row, entry } of rows) {
    const result = checkEntry(ctx, entry);
    if (!result.ok) for (const e of result.errors) errors.push({ row, field: e.path, message: e.message });
    else if (!badRows.has(row)) {
      ctx.book(result.value);
      values.push(result.value);
    }
    if (checkSlice()) await turn();
  }
  await turn();
  return { values, errors };
}

function interventionInsert(db: Db) {
  const insert = db.$client.prepare(`INSERT INTO interventions (ptri_id, cooperative_id, lot_id, service_id, date, month, axis,
    activity_id, minutes, amount_cents, operator_role, notes, created_by, upload_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (r: NewIntervention, uploadId: number) =>
    insert.run(
      r.ptriId,
      r.cooperativeId,
      r.lotId,
      r.serviceId,
      r.date,
      r.month,
      r.axis,
      r.activityId,
      r.minutes,
      r.amountCents,
      r.operatorRole,
      r.notes,
      r.createdBy,
      uploadId,
    );
}

/** Adds the rows to the summaries, one upsert per distinct key rather than per row. */
async function countAll(db: Db, rows: NewIntervention[], statusOf: (serviceId: number) => TotalsKey['status'], turn: () => Promise<void>) {
  const totals = new Map<string, { key: TotalsKey; minutes: number; amountCents: number; count: number }>();
  const activity = new Map<string, { key: ActivityKey; count: number }>();
  const countSlice = sliceOf(uploadTurns.rows);
  for (const r of rows) {
    if (countSlice()) await turn();
    const status = statusOf(r.serviceId);
    const totalsKey = `${r.lotId}|${r.cooperativeId}|${r.month}|${r.serviceId}|${status}`;
    let t = totals.get(totalsKey);
    if (!t) {
      const key: TotalsKey = { lotId: r.lotId, cooperativeId: r.cooperativeId, month: r.month, serviceId: r.serviceId, status };
      totals.set(totalsKey, (t = { key, minutes: 0, amountCents: 0, count: 0 }));
    }
    t.minutes += r.minutes;
    t.amountCents += r.amountCents;
    t.count += 1;
    const activityKey = `${r.lotId}|${r.cooperativeId}|${r.month}|${r.serviceId}|${r.ptriId}|${r.personId}`;
    let a = activity.get(activityKey);
    if (!a) {
      const key: ActivityKey = {
        lotId: r.lotId,
        cooperativeId: r.cooperativeId,
        month: r.month,
        serviceId: r.serviceId,
        ptriId: r.ptriId,
        personId: r.personId,
      };
      activity.set(activityKey, (a = { key, count: 0 }));
    }
    a.count += 1;
  }
  const writer = summaryWriter(db);
  for (const t of totals.values()) writer.addTotals(t.key, t.minutes, t.amountCents, t.count);
  const writeSlice = sliceOf(Math.ceil(uploadTurns.rows / 4));
  for (const a of activity.values()) {
    writer.addActivity(a.key, a.count);
    if (writeSlice()) await turn();
  }
}
