// Lot 3 flats: the admin keeps the flats, the case managers place their service's persons in
// them, correct those stays and record their exits (the flat's own hours are in work.ts).
// Who sees which flat and whose names goes through the access policy.
import type { z } from 'zod';
import type { Db, Queryable } from '@bds/db';
import {
  formatDate,
  type EndStayBody,
  type FlatBody,
  type FlatDetail,
  type flatsQuery,
  type FlatUpdateBody,
  type StayBody,
  type StayUpdateBody,
} from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { recordAudit } from '../audit/record.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { policyOf } from '../access/policy.ts';
import { receivedOnly } from '../access/fields.ts';
import { lotAssignable, referenceExists } from '../reference/queries.ts';
import { firstFullDay, flatClosedReason, projectUnfitReason, type Period } from './rules.ts';
import * as q from './queries.ts';

export type FlatRow = NonNullable<ReturnType<typeof q.flatById>>;

const withFreePlaces = (row: FlatRow) => ({ ...row, freeToday: Math.max(0, row.places - row.occupiedToday) });

export function listFlats(db: Db, actor: Actor, query: z.output<typeof flatsQuery>) {
  const policy = policyOf(actor.user);
  const after = decodeCursor(query.cursor, ['number']);
  const filters = query.districtId === undefined ? {} : { districtId: query.districtId };
  const rows = q.flatsPage(db, policy.flats, filters, (after?.[0] as number | undefined) ?? null, query.limit, actor.today);
  const result = page(rows, query.limit, (row) => [row.id]);
  return { items: result.items.map((row) => receivedOnly(policy, 'flat', withFreePlaces(row))), nextCursor: result.nextCursor };
}

export function requireFlat(tx: Queryable, actor: Actor, id: number): FlatRow {
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

/** Refuses (409) opening later or closing earlier than a stay of the flat: a stay needs its flat open. */
function staysInside(tx: Queryable, flatId: number, period: { openedOn: string; closedOn: string | null }) {
  for (const stay of q.flatStaysDuring(tx, flatId, '0000-01-01', q.OPEN_END)) {
    const outside = flatClosedReason(period, stay);
    if (outside)
      throw new Conflict(`La permanenza iniziata il ${formatDate(stay.from)} resta fuori dal periodo dell'appartamento: ${outside}`);
  }
}

export function saveFlat(db: Db, actor: Actor, body: FlatBody | FlatUpdateBody, id?: number) {
  return db.transaction((tx) => {
    const current = id === undefined ? undefined : requireFlat(tx, actor, id);
    const merged = { ...current, ...body } as FlatBody;
    checkFlatReference(tx, merged);
    if (merged.closedOn && merged.closedOn < merged.openedOn) throw new Invalid('closedOn', "la chiusura precede l'apertura");
    if (current) staysInside(tx, current.id, { openedOn: merged.openedOn, closedOn: merged.closedOn ?? null });
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

/** A stay the caller may change: a case manager only those of their own service's projects. */
function stayInReach(tx: Queryable, actor: Actor, stayId: number) {
  const personsService = policyOf(actor.user).personsService;
  const stay = q.stayById(tx, stayId);
  if (!stay || (personsService !== undefined && stay.serviceId !== personsService)) throw new NotFound('Permanenza non trovata');
  return stay;
}

/**
 * Corrects a stay's dates under the rules of a new one: the project active on every day, a free
 * place every day, no other stay of the person. An ended stay keeps an exit day, not in the future.
 */
export function changeStay(db: Db, actor: Actor, stayId: number, body: StayUpdateBody) {
  const policy = policyOf(actor.user);
  return db.transaction((tx) => {
    const stay = stayInReach(tx, actor, stayId);
    const period = { from: body.from ?? stay.fromDate, to: body.to === undefined ? stay.toDate : body.to };
    if (period.to !== null && period.to < period.from) throw new Invalid('to', "la fine precede l'ingresso");
    if (stay.destination && period.to === null) throw new Invalid('to', "la permanenza è conclusa: serve il giorno d'uscita");
    if (stay.destination && period.to !== null && period.to > actor.today) throw new Invalid('to', 'non può essere nel futuro');
    const project = q.projectForStay(tx, stay.ptriId, policy.ptris);
    if (!project) throw new NotFound('Permanenza non trovata');
    const unfit = projectUnfitReason(project, period);
    if (unfit) throw new Conflict(`Permanenza non possibile: ${unfit}`);
    checkRoom(tx, requireFlat(tx, actor, stay.flatId), stay.personId, period, stay.id);
    q.updateStayDates(tx, stayId, { fromDate: period.from, toDate: period.to });
    recordAudit(tx, actor, {
      action: 'update',
      entity: 'flat_stay',
      entityId: stayId,
      personId: stay.personId,
      changes: { from: { before: stay.fromDate, after: period.from }, to: { before: stay.toDate, after: period.to } },
    });
    return stayReply(tx, actor, stayId);
  });
}

/** Cancels a stay recorded by mistake: the row goes, the audit row keeps every value it had. */
export function cancelStay(db: Db, actor: Actor, stayId: number): void {
  db.transaction((tx) => {
    const stay = stayInReach(tx, actor, stayId);
    q.deleteStay(tx, stayId);
    recordAudit(tx, actor, { action: 'delete', entity: 'flat_stay', entityId: stayId, personId: stay.personId, changes: { before: stay } });
  });
}

export function endStayOf(db: Db, actor: Actor, stayId: number, body: EndStayBody) {
  return db.transaction((tx) => {
    const stay = stayInReach(tx, actor, stayId);
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
