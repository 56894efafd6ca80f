// The hours a flat's cooperative records for the flat as a whole, in the 'flats' part of its month.
// Recording, correcting and deleting them hold the personal interventions' rules: only the
// cooperative's own work, never in the future nor before the lot's tender, while the month's part
// is open or returned.
import type { Db, Queryable } from '@bds/db';
import {
  amountCentsOf,
  eurosOf,
  formatDate,
  formatMonth,
  hoursOf,
  minutesOf,
  type FlatIntervention,
  type FlatInterventionBody,
  type FlatInterventionUpdateBody,
} from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { addDepartmentWork, departmentPartEditable } from '../monthly-reports/parts.ts';
import { activityIndex, activityKey } from '../interventions/queries.ts';
import { ownCooperative } from '../interventions/service.ts';
import { flatClosedReason } from './rules.ts';
import { requireFlat, type FlatRow } from './service.ts';
import * as q from './queries.ts';

type StoredWork = Pick<
  NonNullable<ReturnType<typeof q.flatInterventionOfCooperative>>,
  'id' | 'flatId' | 'date' | 'activity' | 'minutes' | 'amountCents' | 'operatorRole' | 'notes'
>;

const toFlatIntervention = (row: StoredWork, editable: boolean): FlatIntervention => ({
  id: row.id,
  flatId: row.flatId,
  date: row.date,
  activity: row.activity,
  hours: hoursOf(row.minutes),
  amount: eurosOf(row.amountCents),
  operatorRole: row.operatorRole,
  notes: row.notes,
  editable,
});

/** Checks work for the flat on its day and prices it at the lot's rate: the values to store. */
function pricedWork(tx: Queryable, actor: Actor, flat: FlatRow, work: FlatInterventionBody) {
  const lot = q.lotOfFlat(tx, flat.lotId)!;
  if (work.date > actor.today) throw new Invalid('date', 'non può essere nel futuro');
  if (work.date < lot.tenderStart) throw new Invalid('date', `precede l'inizio della gara del lotto (${formatDate(lot.tenderStart)})`);
  const closed = flatClosedReason(flat, { from: work.date, to: work.date });
  if (closed) throw new Invalid('date', closed);
  const activity = activityIndex(tx, 'habitat').get(activityKey('habitat', work.activity));
  if (!activity) throw new Invalid('activity', "attività non prevista per l'asse «Casa/Habitat sociale»");
  if (lot.hourlyRateCents === null)
    throw new Conflict(`Il lotto ${lot.number} non ha una tariffa oraria: le ore non si possono registrare`);
  const minutes = minutesOf(work.hours);
  return {
    label: activity.label,
    values: {
      flatId: flat.id,
      cooperativeId: flat.cooperativeId,
      lotId: flat.lotId,
      date: work.date,
      month: work.date.slice(0, 7),
      activityId: activity.id,
      minutes,
      amountCents: amountCentsOf(minutes, lot.hourlyRateCents),
      operatorRole: work.operatorRole,
      notes: work.notes ?? null,
    },
  };
}

/** Adds (+1) or takes back (-1) stored work from its month's 'flats' part. */
function countInPart(
  db: Db,
  tx: Queryable,
  work: { lotId: number; cooperativeId: number; month: string; minutes: number; amountCents: number },
  sign: 1 | -1,
) {
  addDepartmentWork(db, tx, {
    kind: 'flats',
    lotId: work.lotId,
    cooperativeId: work.cooperativeId,
    month: work.month,
    minutes: sign * work.minutes,
    amountCents: sign * work.amountCents,
    count: sign,
  });
}

/** Work for the flat as a whole, by the flat's cooperative: in the 'flats' part of its month. */
export function recordFlatIntervention(db: Db, actor: Actor, flatId: number, body: FlatInterventionBody): FlatIntervention {
  ownCooperative(actor);
  return db.transaction((tx) => {
    const flat = requireFlat(tx, actor, flatId);
    const { label, values } = pricedWork(tx, actor, flat, body);
    const row = q.insertFlatIntervention(tx, { ...values, createdBy: actor.user.id });
    countInPart(db, tx, row, 1);
    recordAudit(tx, actor, { action: 'create', entity: 'flat_intervention', entityId: row.id, changes: { flatId, ...body } });
    return toFlatIntervention({ ...row, activity: label }, true);
  });
}

export function listFlatInterventions(db: Db, actor: Actor, flatId: number, month: string) {
  return db.transaction((tx) => {
    const flat = requireFlat(tx, actor, flatId);
    const editable = departmentPartEditable(tx, 'flats', flat.cooperativeId, month);
    return { items: q.flatInterventionsOfMonth(tx, flatId, month).map((row) => toFlatIntervention(row, editable)) };
  });
}

/** The caller cooperative's flat-level work whose month part still takes changes (409 otherwise). */
function editableWork(tx: Queryable, actor: Actor, id: number) {
  const row = q.flatInterventionOfCooperative(tx, id, ownCooperative(actor));
  if (!row) throw new NotFound('Intervento non trovato');
  if (!departmentPartEditable(tx, 'flats', row.cooperativeId, row.month))
    throw new Conflict(`Il mese di ${formatMonth(row.month)} è già stato inviato: l'intervento non si può modificare`);
  return row;
}

export function updateFlatIntervention(db: Db, actor: Actor, id: number, body: FlatInterventionUpdateBody): FlatIntervention {
  return db.transaction((tx) => {
    const row = editableWork(tx, actor, id);
    const merged = {
      date: body.date ?? row.date,
      activity: body.activity ?? row.activity,
      hours: body.hours ?? hoursOf(row.minutes),
      operatorRole: body.operatorRole ?? row.operatorRole,
      notes: body.notes === undefined ? row.notes : body.notes,
    };
    const { label, values } = pricedWork(tx, actor, requireFlat(tx, actor, row.flatId), merged);
    countInPart(db, tx, row, -1);
    countInPart(db, tx, values, 1);
    const updated = q.updateFlatIntervention(tx, id, values)!;
    const changes = Object.fromEntries(
      (['date', 'activityId', 'minutes', 'amountCents', 'operatorRole', 'notes'] as const)
        .filter((key) => row[key] !== updated[key])
        .map((key) => [key, { before: row[key], after: updated[key] }]),
    );
    recordAudit(tx, actor, { action: 'update', entity: 'flat_intervention', entityId: id, changes: { flatId: row.flatId, ...changes } });
    return toFlatIntervention({ ...updated, activity: label }, true);
  });
}

/** A real delete, kept attributable: the audit row holds every old value. */
export function deleteFlatIntervention(db: Db, actor: Actor, id: number): void {
  db.transaction((tx) => {
    const row = editableWork(tx, actor, id);
    q.deleteFlatIntervention(tx, id);
    countInPart(db, tx, row, -1);
    recordAudit(tx, actor, { action: 'delete', entity: 'flat_intervention', entityId: id, changes: { before: row } });
  });
}
