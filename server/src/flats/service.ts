// Lot 3 flats: the admin keeps the flats, the case managers place their service's persons in
// them and record their exits, the flat's cooperative records the hours for the flat as a whole.
// Who sees which flat and whose names goes through the access policy.
import type { z } from 'zod';
import type { Db, Queryable } from '@bds/db';
import {
  amountCentsOf,
  eurosOf,
  formatDate,
  hoursOf,
  minutesOf,
  type EndStayBody,
  type FlatBody,
  type FlatDetail,
  type FlatInterventionBody,
  type flatsQuery,
  type FlatUpdateBody,
  type StayBody,
} from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { recordAudit } from '../audit/record.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { policyOf } from '../access/policy.ts';
import { receivedOnly } from '../access/fields.ts';
import { addDepartmentWork } from '../monthly-reports/parts.ts';
import { activityIndex, activityKey } from '../interventions/queries.ts';
import { lotAssignable, referenceExists } from '../reference/queries.ts';
import { firstFullDay, flatClosedReason, projectUnfitReason, type Period } from './rules.ts';
import * as q from './queries.ts';

type FlatRow = NonNullable<ReturnType<typeof q.flatById>>;

const withFreePlaces = (row: FlatRow) => ({ ...row, freeToday: Math.max(0, row.places - row.occupiedToday) });

export function listFlats(db: Db, actor: Actor, query: z.output<typeof flatsQuery>) {
  const policy = policyOf(actor.user);
  const after = decodeCursor(query.cursor, ['number']);
  const filters = query.districtId === undefined ? {} : { districtId: query.districtId };
  const rows = q.flatsPage(db, policy.flats, filters, (after?.[0] as number | undefined) ?? null, query.limit, actor.today);
  const result = page(rows, query.limit, (row) => [row.id]);
  return { items: result.items.map((row) => receivedOnly(policy, 'flat', withFreePlaces(row))), nextCursor: result.nextCursor };
}

function requireFlat(tx: Queryable, actor: Actor, id: number): FlatRow {
  const row = q.flatById(tx, id, policyOf(actor.user).flats, actor.today);
  if (!row) throw new NotFound('Appartamento non trovato');
  return row;
}

export async function getFlat(db: Db, actor: Actor, id: number): Promise<FlatDetail> {
  const policy = policyOf(actor.user);
  const detail = db.transaction((tx) => {
    const flat = requireFlat(tx, actor, id);
    const stays = q.staysOfFlat(tx, id, policy.stayPersons).map((stay) => receivedOnly(policy, 'stay', stay));
    return { ...receivedOnly(policy, 'flat', withFreePlaces(flat)), stays };
  });
  await auditRead(db, actor, {
    action: 'read',
    entity: 'flat',
    entityId: id,
    changes: { named: detail.stays.filter((s) => s.ptriId !== null).map((s) => s.ptriId) },
  });
  return detail;
}

/** A flat's cooperative must be a member of its lot, and an executing one where the lot marks any. */
function checkFlatReference(tx: Queryable, flat: { districtId: number; lotId: number; cooperativeId: number }) {
  if (!referenceExists(tx, 'district', flat.districtId)) throw new Invalid('districtId', 'distretto inesistente');
  const lot = q.lotOfFlat(tx, flat.lotId);
  if (!lot) throw new Invalid('lotId', 'lotto inesistente');
  if (lot.number !== 3) throw new Invalid('lotId', `il lotto ${lot.number} non è il Lotto 3 (abitare di transizione)`);
  const assignable = lotAssignable(tx, flat.lotId);
  if (!assignable.ids.includes(flat.cooperativeId))
    throw new Invalid(
      'cooperativeId',
      assignable.executingOnly ? 'la cooperativa non è una consorziata esecutrice del lotto' : 'la cooperativa non fa parte del lotto',
    );
}

export function saveFlat(db: Db, actor: Actor, body: FlatBody | FlatUpdateBody, id?: number) {
  return db.transaction((tx) => {
    const current = id === undefined ? undefined : requireFlat(tx, actor, id);
    const merged = { ...current, ...body } as FlatBody;
    checkFlatReference(tx, merged);
    if (merged.closedOn && merged.closedOn < merged.openedOn) throw new Invalid('closedOn', "la chiusura precede l'apertura");
    const row = q.writeFlat(tx, body, id);
    if (!row) throw new NotFound('Appartamento non trovato');
    recordAudit(tx, actor, { action: id ? 'update' : 'create', entity: 'flat', entityId: row.id, changes: body });
    return receivedOnly(policyOf(actor.user), 'flat', withFreePlaces(requireFlat(tx, actor, row.id)));
  });
}

/** Refuses (409) a period in which the flat has no free place or the person already stays elsewhere. */
function checkRoom(tx: Queryable, flat: FlatRow, personId: number, period: Period, exceptStay = 0) {
  const last = period.to ?? q.OPEN_END;
  const closed = flatClosedReason(flat, period);
  if (closed) throw new Conflict(`Permanenza non possibile: ${closed}`);
  const elsewhere = q.personStaysDuring(tx, personId, period.from, last, exceptStay)[0];
  if (elsewhere)
    throw new Conflict(
      `La persona è già ospite dell'appartamento «${elsewhere.flatName}» dal ${formatDate(elsewhere.from)}${elsewhere.to ? ` al ${formatDate(elsewhere.to)}` : ''}`,
    );
  const full = firstFullDay(q.flatStaysDuring(tx, flat.id, period.from, last, exceptStay), period, flat.places);
  if (full) throw new Conflict(`Nessun posto libero nell'appartamento «${flat.name}» il ${formatDate(full)}`);
}

export function createStay(db: Db, actor: Actor, flatId: number, body: StayBody) {
  const policy = policyOf(actor.user);
  return db.transaction((tx) => {
    const flat = requireFlat(tx, actor, flatId);
    const project = q.projectForStay(tx, body.ptriId, policy.ptris);
    if (!project) throw new NotFound('Progetto non trovato');
    const period = { from: body.from, to: body.to ?? null };
    const unfit = projectUnfitReason(project, period);
    if (unfit) throw new Conflict(`Permanenza non possibile: ${unfit}`);
    checkRoom(tx, flat, project.personId, period);
    const row = q.insertStay(tx, {
      flatId,
      ptriId: project.id,
      personId: project.personId,
      serviceId: project.serviceId,
      fromDate: body.from,
      toDate: body.to ?? null,
      createdBy: actor.user.id,
    });
    recordAudit(tx, actor, {
      action: 'create',
      entity: 'flat_stay',
      entityId: row.id,
      personId: project.personId,
      changes: { flatId, ...body },
    });
    return stayReply(tx, actor, row.id);
  });
}

function stayReply(tx: Queryable, actor: Actor, stayId: number) {
  const policy = policyOf(actor.user);
  const stay = q.stayById(tx, stayId)!;
  const shown = q.staysOfFlat(tx, stay.flatId, policy.stayPersons).find((s) => s.id === stayId)!;
  return receivedOnly(policy, 'stay', shown);
}

export function endStayOf(db: Db, actor: Actor, stayId: number, body: EndStayBody) {
  const policy = policyOf(actor.user);
  return db.transaction((tx) => {
    const stay = q.stayById(tx, stayId);
    // A case manager ends only the stays of their own service's projects.
    if (!stay || (policy.personsService !== undefined && stay.serviceId !== policy.personsService))
      throw new NotFound('Permanenza non trovata');
    if (stay.destination) throw new Conflict(`La permanenza è già conclusa il ${formatDate(stay.toDate)}`);
    if (body.date < stay.fromDate) throw new Invalid('date', `precede l'ingresso (${formatDate(stay.fromDate)})`);
    if (body.date > actor.today) throw new Invalid('date', 'non può essere nel futuro');
    // Ending after the planned day lengthens the stay: the extra days need a place too.
    if (stay.toDate && body.date > stay.toDate) {
      const flat = requireFlat(tx, actor, stay.flatId);
      checkRoom(tx, flat, stay.personId, { from: stay.fromDate, to: body.date }, stay.id);
    }
    q.endStay(tx, stayId, { toDate: body.date, destination: body.destination, note: body.note ?? null });
    recordAudit(tx, actor, {
      action: 'update',
      entity: 'flat_stay',
      entityId: stayId,
      personId: stay.personId,
      changes: { to: { before: stay.toDate, after: body.date }, destination: body.destination, note: body.note ?? null },
    });
    return stayReply(tx, actor, stayId);
  });
}

const toFlatIntervention = (row: ReturnType<typeof q.flatInterventionsOfMonth>[number]) => ({
  id: row.id,
  flatId: row.flatId,
  date: row.date,
  activity: row.activity,
  hours: hoursOf(row.minutes),
  amount: eurosOf(row.amountCents),
  operatorRole: row.operatorRole,
  notes: row.notes,
});

/** Work for the flat as a whole, by the flat's cooperative: in the 'flats' part of its month. */
export function recordFlatIntervention(db: Db, actor: Actor, flatId: number, body: FlatInterventionBody) {
  if (actor.user.role !== 'cooperative') throw new Forbidden("Solo la cooperativa dell'appartamento registra le sue ore");
  return db.transaction((tx) => {
    const flat = requireFlat(tx, actor, flatId);
    const lot = q.lotOfFlat(tx, flat.lotId)!;
    if (body.date > actor.today) throw new Invalid('date', 'non può essere nel futuro');
    if (body.date < lot.tenderStart) throw new Invalid('date', `precede l'inizio della gara del lotto (${formatDate(lot.tenderStart)})`);
    const closed = flatClosedReason(flat, { from: body.date, to: body.date });
    if (closed) throw new Invalid('date', closed);
    const activity = activityIndex(tx, 'habitat').get(activityKey('habitat', body.activity));
    if (!activity) throw new Invalid('activity', "attività non prevista per l'asse «Casa/Habitat sociale»");
    if (lot.hourlyRateCents === null)
      throw new Conflict(`Il lotto ${lot.number} non ha una tariffa oraria: le ore non si possono registrare`);
    const minutes = minutesOf(body.hours);
    const amountCents = amountCentsOf(minutes, lot.hourlyRateCents);
    const month = body.date.slice(0, 7);
    const row = q.insertFlatIntervention(tx, {
      flatId,
      cooperativeId: flat.cooperativeId,
      lotId: flat.lotId,
      date: body.date,
      month,
      activityId: activity.id,
      minutes,
      amountCents,
      operatorRole: body.operatorRole,
      notes: body.notes ?? null,
      createdBy: actor.user.id,
    });
    addDepartmentWork(db, tx, {
      kind: 'flats',
      lotId: flat.lotId,
      cooperativeId: flat.cooperativeId,
      month,
      minutes,
      amountCents,
      count: 1,
    });
    recordAudit(tx, actor, { action: 'create', entity: 'flat_intervention', entityId: row.id, changes: { flatId, ...body } });
    return toFlatIntervention({ ...row, activity: activity.label });
  });
}

export function listFlatInterventions(db: Db, actor: Actor, flatId: number, month: string) {
  return db.transaction((tx) => {
    requireFlat(tx, actor, flatId);
    return { items: q.flatInterventionsOfMonth(tx, flatId, month).map(toFlatIntervention) };
  });
}

/** A project's stays (its PTRI page), when the caller sees the project. */
export async function staysOfProject(db: Db, actor: Actor, ptriId: number) {
  const policy = policyOf(actor.user);
  const stays = db.transaction((tx) => {
    const project = q.projectForStay(tx, ptriId, policy.ptris);
    if (!project) throw new NotFound('Progetto non trovato');
    return { personId: project.personId, items: q.staysOfProject(tx, ptriId) };
  });
  await auditRead(db, actor, { action: 'read', entity: 'flat_stay', personId: stays.personId, changes: { ptriId } });
  return { items: stays.items };
}
