// Interventions: record, change and delete within an open month, and list within scope.
// Every write keeps the summary tables in step in the same transaction.
import type { z } from 'zod';
import {
  eurosOf,
  formatMonth,
  hoursOf,
  monthOf,
  partEditable,
  type Axis,
  type CreateInterventionBody,
  type Intervention,
  type interventionListQuery,
  type UpdateInterventionBody,
} from '@bds/shared';
import type { Db, Queryable } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { backDatedMark, recordAudit } from '../audit/record.ts';
import { Conflict, DomainError, Forbidden, NotFound } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { EVERY_ROW, policyOf } from '../access/policy.ts';
import { checkEntry, type EntryContext, type EntryResult } from './entry.ts';
import { summaryStatusOf } from './rules.ts';
import { summaryWriter } from './summaries.ts';
import type { CheckInputs } from './check-inputs.ts';
import * as q from './queries.ts';

export function ownCooperative(actor: Actor): number {
  if (actor.user.role !== 'cooperative' || !actor.user.cooperativeId) throw new Forbidden('Solo la cooperativa registra interventi');
  return actor.user.cooperativeId;
}

/**
 * What entries are checked against; `axis` when they are all on one axis (a single entry), so only
 * its activities are read; `changing` the intervention a correction replaces, left out of its day;
 * `inputs` keeps what was read, for an upload to tell later whether its check still holds.
 */
export function entryContext(
  tx: Queryable,
  actor: Actor,
  cooperativeId: number,
  projects: Map<number, q.ProjectForWork>,
  axis?: Axis,
  changing = 0,
  inputs?: CheckInputs,
): EntryContext {
  const months = new Map<string, q.MonthState>();
  const days = new Map<string, Map<string, number>>();
  const daysOf = (personId: number, date: string) => {
    const key = `${personId}|${monthOf(date)}`;
    let minutes = days.get(key);
    if (!minutes) {
      days.set(key, (minutes = q.personMinutesByDay(tx, personId, monthOf(date), changing)));
      inputs?.sawDays(personId, monthOf(date), minutes);
    }
    return minutes;
  };
  const activities = q.activityIndex(tx, axis);
  inputs?.sawProjects(projects);
  inputs?.sawActivities(activities);
  return {
    cooperativeId,
    userId: actor.user.id,
    today: actor.today,
    projects,
    activities,
    monthState: (month) => {
      let state = months.get(month);
      if (!state) {
        months.set(month, (state = q.monthState(tx, cooperativeId, month)));
        inputs?.sawMonth(month, state);
      }
      return state;
    },
    minutesOnDay: (personId, date) => daysOf(personId, date).get(date) ?? 0,
    book: (entry) => {
      const minutes = daysOf(entry.personId, entry.date);
      minutes.set(entry.date, (minutes.get(entry.date) ?? 0) + entry.minutes);
    },
  };
}

/** Turns a failed check into the right answer: 409 for a closed month, 400 naming the field otherwise. */
function fail(result: Extract<EntryResult, { ok: false }>): never {
  if (result.locked) {
    // The field's message ("il mese di … è già stato inviato") opens the answer's sentence.
    const message = result.errors[0]?.message ?? 'mese non modificabile';
    throw new Conflict(message.charAt(0).toUpperCase() + message.slice(1));
  }
  throw new DomainError(400, 'Dati non validi', result.errors.map((e) => `${e.path}: ${e.message}`).join('; '), result.errors);
}

export function toIntervention(row: q.InterventionRow, activity: string, editable: boolean): Intervention {
  return {
    id: row.id,
    ptriId: row.ptriId,
    cooperativeId: row.cooperativeId,
    lotId: row.lotId,
    serviceId: row.serviceId,
    date: row.date,
    month: row.month,
    axis: row.axis,
    activityId: row.activityId,
    activity,
    hours: hoursOf(row.minutes),
    amount: eurosOf(row.amountCents),
    operatorRole: row.operatorRole,
    notes: row.notes,
    uploadId: row.uploadId,
    createdAt: row.createdAt,
    editable,
  };
}

/** Adds (+1) or removes (-1) one stored intervention from the summaries. */
function countInSummaries(db: Db, row: q.InterventionRow, personId: number | null, sign: 1 | -1, state: q.MonthState) {
  const writer = summaryWriter(db);
  const status = summaryStatusOf(state.parts.get(row.serviceId)?.status);
  const key = { lotId: row.lotId, cooperativeId: row.cooperativeId, month: row.month, serviceId: row.serviceId, status };
  writer.addTotals(key, sign * row.minutes, sign * row.amountCents, sign);
  if (row.ptriId !== null && personId !== null) {
    writer.addActivity(
      { lotId: row.lotId, cooperativeId: row.cooperativeId, month: row.month, serviceId: row.serviceId, ptriId: row.ptriId, personId },
      sign,
    );
  }
}

export function createIntervention(db: Db, actor: Actor, ptriId: number, body: CreateInterventionBody): Intervention {
  const cooperativeId = ownCooperative(actor);
  return db.transaction((tx) => {
    const projects = q.projectsForWork(tx, [ptriId], policyOf(actor.user));
    const project = projects.get(ptriId);
    if (!project) throw new NotFound('Progetto non trovato');
    const ctx = entryContext(tx, actor, cooperativeId, projects, body.axis);
    const result = checkEntry(ctx, { ptriId, ...body, notes: body.notes ?? null });
    if (!result.ok) fail(result);
    const { personId, ...values } = result.value;
    const row = q.insertIntervention(tx, values);
    countInSummaries(db, row, personId, 1, ctx.monthState(row.month));
    recordAudit(tx, actor, {
      action: 'create',
      entity: 'intervention',
      entityId: row.id,
      personId,
      changes: { after: values, ...backDatedMark(values.date, actor.today) },
    });
    return toIntervention(row, body.activity, true);
  });
}

/** Loads an intervention of the caller's cooperative whose month part is still open to changes. */
function editableIntervention(tx: Queryable, actor: Actor, id: number) {
  const cooperativeId = ownCooperative(actor);
  const row = q.interventionById(tx, id, policyOf(actor.user));
  if (!row) throw new NotFound('Intervento non trovato');
  const state = q.monthState(tx, cooperativeId, row.month);
  if (!partEditable(state.monthStatus, state.parts.get(row.serviceId)?.status)) {
    throw new Conflict(`Il mese di ${formatMonth(row.month)} è già stato inviato: l'intervento non si può modificare`);
  }
  return { row, state, cooperativeId };
}

export function updateIntervention(db: Db, actor: Actor, id: number, body: UpdateInterventionBody): Intervention {
  return db.transaction((tx) => {
    const { row, state, cooperativeId } = editableIntervention(tx, actor, id);
    if (row.ptriId === null) throw new Conflict('Intervento non legato a un progetto: non modificabile da qui');
    const projects = q.projectsForWork(tx, [row.ptriId], EVERY_ROW);
    const ctx = entryContext(tx, actor, cooperativeId, projects, body.axis ?? row.axis, row.id);
    const oldActivity = q.activityLabels(tx, [row.activityId]).get(row.activityId) ?? '';
    const merged = {
      ptriId: row.ptriId,
      date: body.date ?? row.date,
      axis: body.axis ?? row.axis,
      activity: body.activity ?? oldActivity,
      hours: body.hours ?? hoursOf(row.minutes),
      operatorRole: body.operatorRole ?? row.operatorRole,
      notes: body.notes === undefined ? row.notes : body.notes,
    };
    const result = checkEntry(ctx, merged);
    if (!result.ok) fail(result);
    const { personId, createdBy: _createdBy, ...values } = result.value;
    countInSummaries(db, row, personId, -1, state);
    const updated = q.updateIntervention(tx, id, { ...values, updatedAt: new Date().toISOString() });
    if (!updated) throw new NotFound('Intervento non trovato');
    countInSummaries(db, updated, personId, 1, ctx.monthState(updated.month));
    const changes = Object.fromEntries(
      (['date', 'axis', 'activityId', 'minutes', 'amountCents', 'operatorRole', 'notes'] as const)
        .filter((key) => row[key] !== updated[key])
        .map((key) => [key, { before: row[key], after: updated[key] }]),
    );
    recordAudit(tx, actor, {
      action: 'update',
      entity: 'intervention',
      entityId: id,
      personId,
      changes: { ...changes, ...backDatedMark(updated.date, actor.today) },
    });
    return toIntervention(updated, merged.activity, true);
  });
}

/** A real delete, kept attributable: the audit row holds every old value. */
export function deleteIntervention(db: Db, actor: Actor, id: number): void {
  db.transaction((tx) => {
    const { row, state } = editableIntervention(tx, actor, id);
    const personId = row.ptriId === null ? null : (q.projectsForWork(tx, [row.ptriId], EVERY_ROW).get(row.ptriId)?.personId ?? null);
    q.deleteIntervention(tx, id);
    countInSummaries(db, row, personId, -1, state);
    recordAudit(tx, actor, { action: 'delete', entity: 'intervention', entityId: id, personId, changes: { before: row } });
  });
}

export function listInterventions(db: Db, actor: Actor, query: z.output<typeof interventionListQuery>) {
  const after = decodeCursor(query.cursor, ['string', 'number']) as [string, number] | null;
  return db.transaction((tx) => {
    const rows = q.listInterventions(tx, query, policyOf(actor.user), after, query.limit);
    const result = page(rows, query.limit, (row) => [row.date, row.id]);
    const labels = q.activityLabels(tx, [...new Set(result.items.map((row) => row.activityId))]);
    const states = new Map<string, q.MonthState>();
    const stateOf = (row: q.InterventionRow) => {
      const key = `${row.cooperativeId}|${row.month}`;
      let state = states.get(key);
      if (!state) states.set(key, (state = q.monthState(tx, row.cooperativeId, row.month)));
      return state;
    };
    const items = result.items.map((row) => {
      const state = stateOf(row);
      return toIntervention(row, labels.get(row.activityId) ?? '', partEditable(state.monthStatus, state.parts.get(row.serviceId)?.status));
    });
    const ptriIds = [...new Set(result.items.map((row) => row.ptriId).filter((id) => id !== null))];
    const personId = query.ptriId ? (q.projectsForWork(tx, [query.ptriId], EVERY_ROW).get(query.ptriId)?.personId ?? null) : null;
    const personIds = q.personsOfProjects(tx, ptriIds);
    recordAudit(tx, actor, { action: 'read', entity: 'intervention_list', personId, personIds, changes: { filters: query, ptriIds } });
    return { items, nextCursor: result.nextCursor };
  });
}
