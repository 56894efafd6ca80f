// A cooperative's month as one CSV file: all rows or none, every bad row named, and the same
// file sent twice changes nothing. Rows go in with one prepared statement in one transaction.
import { createHash } from 'node:crypto';
import type { Db } from '@bds/db';
import { formatDate, formatMonth, type UploadReply } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { Conflict, Forbidden, Invalid, InvalidRows, NotFound } from '../errors.ts';
import { policyOf } from '../access/policy.ts';
import { readCsvFile } from './csv-rows.ts';
import { checkEntry, type NewIntervention } from './entry.ts';
import { backDatedMark, entryContext } from './service.ts';
import { summaryStatusOf } from './rules.ts';
import { summaryWriter, type ActivityKey, type TotalsKey } from './summaries.ts';
import * as q from './queries.ts';

export function uploadMonth(
  db: Db,
  actor: Actor,
  cooperativeId: number,
  month: string,
  file: Buffer,
): { created: boolean; reply: UploadReply } {
  if (actor.user.role !== 'cooperative') throw new Forbidden('Solo la cooperativa carica i propri interventi');
  const policy = policyOf(actor.user);
  if (policy.reports().cooperativeId !== cooperativeId) throw new NotFound('Cooperativa non trovata');
  const sha256 = createHash('sha256').update(file).digest('hex');
  return db.transaction((tx) => {
    const previous = q.uploadByHash(tx, cooperativeId, month, sha256);
    if (previous) {
      recordAudit(tx, actor, {
        action: 'create',
        entity: 'intervention_upload',
        entityId: previous.id,
        changes: { month, sha256, repeated: true },
      });
      const message = `File già caricato il ${formatDate(previous.createdAt)}: nessuna modifica`;
      return { created: false, reply: { uploadId: previous.id, rows: previous.rowCount, alreadyUploaded: true, message } };
    }
    const state = q.monthState(tx, cooperativeId, month);
    if (state.monthStatus === 'submitted' || state.monthStatus === 'validated') {
      throw new Conflict(`Il mese di ${formatMonth(month)} è già stato inviato: non si possono caricare interventi`);
    }
    const parsed = readCsvFile(file.toString('utf8'), month);
    if (!parsed.ok) throw new Invalid('file', parsed.message);
    const ids = [...new Set(parsed.rows.map((r) => r.entry.ptriId))];
    const ctx = entryContext(tx, actor, cooperativeId, q.projectsForWork(tx, ids, policy));
    const errors = [...parsed.errors];
    const accepted: NewIntervention[] = [];
    for (const { row, entry } of parsed.rows) {
      const result = checkEntry(ctx, entry);
      if (result.ok) accepted.push(result.value);
      else for (const e of result.errors) errors.push({ row, field: e.path, message: e.message });
    }
    if (errors.length)
      throw new InvalidRows(
        errors.sort((a, b) => a.row - b.row),
        'nessun intervento registrato',
      );

    const upload = q.insertUpload(tx, { cooperativeId, month, sha256, rowCount: accepted.length, uploadedBy: actor.user.id });
    insertAll(db, accepted, upload.id);
    countAll(db, accepted, (serviceId) => summaryStatusOf(state.parts.get(serviceId)?.status));
    const perPtri = new Map<number, { personId: number; rows: number }>();
    for (const row of accepted) {
      const entry = perPtri.get(row.ptriId) ?? { personId: row.personId, rows: 0 };
      entry.rows += 1;
      perPtri.set(row.ptriId, entry);
    }
    for (const [ptriId, { personId, rows }] of perPtri) {
      recordAudit(tx, actor, {
        action: 'create',
        entity: 'intervention_upload',
        entityId: upload.id,
        personId,
        changes: { month, ptriId, rows, ...backDatedMark(`${month}-01`, actor.today) },
      });
    }
    const counted = accepted.length === 1 ? 'Caricato 1 intervento' : `Caricati ${accepted.length.toLocaleString('it-IT')} interventi`;
    const message = `${counted} del mese di ${formatMonth(month)}`;
    return { created: true, reply: { uploadId: upload.id, rows: accepted.length, alreadyUploaded: false, message } };
  });
}

function insertAll(db: Db, rows: NewIntervention[], uploadId: number) {
  const insert = db.$client.prepare(`INSERT INTO interventions (ptri_id, cooperative_id, lot_id, service_id, date, month, axis,
    activity_id, minutes, amount_cents, operator_role, notes, created_by, upload_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const r of rows) {
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
}

/** Adds the rows to the summaries, one upsert per distinct key rather than per row. */
function countAll(db: Db, rows: NewIntervention[], statusOf: (serviceId: number) => TotalsKey['status']) {
  const totals = new Map<string, { key: TotalsKey; minutes: number; amountCents: number; count: number }>();
  const activity = new Map<string, { key: ActivityKey; count: number }>();
  for (const r of rows) {
    const key: TotalsKey = {
      lotId: r.lotId,
      cooperativeId: r.cooperativeId,
      month: r.month,
      serviceId: r.serviceId,
      status: statusOf(r.serviceId),
    };
    const t = totals.get(JSON.stringify(key)) ?? { key, minutes: 0, amountCents: 0, count: 0 };
    t.minutes += r.minutes;
    t.amountCents += r.amountCents;
    t.count += 1;
    totals.set(JSON.stringify(key), t);
    const aKey: ActivityKey = {
      lotId: r.lotId,
      cooperativeId: r.cooperativeId,
      month: r.month,
      serviceId: r.serviceId,
      ptriId: r.ptriId,
      personId: r.personId,
    };
    const a = activity.get(JSON.stringify(aKey)) ?? { key: aKey, count: 0 };
    a.count += 1;
    activity.set(JSON.stringify(aKey), a);
  }
  const writer = summaryWriter(db);
  for (const t of totals.values()) writer.addTotals(t.key, t.minutes, t.amountCents, t.count);
  for (const a of activity.values()) writer.addActivity(a.key, a.count);
}
