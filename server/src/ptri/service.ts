// Projects (PTRI): create, edit with optimistic versions, read, list and history, within scope.
import type { z } from 'zod';
import type { Db, Queryable } from '@bds/db';
import {
  type Axis,
  type BenefitKind,
  type BudgetSource,
  eurosOf,
  personSigned,
  signaturePending,
  type GoalStatus,
  type LineConfirmation,
  AXES,
  EDITABLE_STATUSES,
  isExpired,
  PTRI_STATUS_LABELS,
  sumEuros,
  type createPtriBody,
  type HistoryEntry,
  type ListPage,
  type PtriDetail,
  type ptriCountQuery,
  type ptriListQuery,
  type PtriCount,
  type PtriSummary,
  type updatePtriBody,
} from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { auditRead } from '../audit/group-commit.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { jsonListReply, type JsonText } from '../sql-json.ts';
import { policyOf } from '../access/policy.ts';
import { receivedOnly } from '../access/fields.ts';
import { linkPersonToService, personById } from '../persons/queries.ts';
import {
  budgetRows,
  checkKeptIds,
  checkLotAndCooperatives,
  checkResources,
  goalIdsNamed,
  goalRows,
  lineIdsNamed,
  toBudgetLine,
  type DecisionColumns,
  withConfirmations,
} from './content.ts';
import { applyTransition, type TransitionRequest } from './lifecycle.ts';
import { reviseProject } from './revise.ts';
import { snapshotOf, type Changes } from './snapshot.ts';
import * as q from './queries.ts';

type CreateInput = z.output<typeof createPtriBody>;
type UpdateInput = z.output<typeof updatePtriBody>;

/** Loads a project the actor may see, or answers 404 as if it did not exist. */
export function visiblePtri(db: Queryable, actor: Actor, id: number): q.PtriRow {
  const ptri = q.ptriById(db, id, policyOf(actor.user));
  if (!ptri) throw new NotFound('Progetto non trovato');
  return ptri;
}

export function toSummary(row: q.PtriRow, personName: string, today: string): PtriSummary {
  return {
    id: row.id,
    personId: row.personId,
    personName,
    serviceId: row.serviceId,
    lotId: row.lotId,
    caseManagerId: row.caseManagerId,
    status: row.status,
    intensity: row.intensity,
    startDate: row.startDate,
    endDate: row.endDate,
    nextReviewDate: row.nextReviewDate,
    expired: isExpired(row, today),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** A project's page from its row and its contents (read as JSON arrays of row values by `q.contentsOf`). */
function detailOf(row: q.PtriRow, contents: q.PtriContents, today: string): PtriDetail {
  type Goal = [number, Axis, string, string | null, GoalStatus];
  type Line = [
    number,
    Axis,
    BudgetSource,
    string,
    number | null,
    number | null,
    number | null,
    LineConfirmation | null,
    ...DecisionColumns,
  ];
  type Evaluation = [number, string, string, string, string | null];
  type Benefit = [BenefitKind, number, string, string | null];
  const budgetLines = (JSON.parse(contents.budgetLines) as Line[]).map(
    ([id, axis, source, description, minutes, amountCents, resourceId, confirmation, ...decision]) =>
      toBudgetLine({ id, axis, source, description, minutes, amountCents, resourceId, confirmation }, decision),
  );
  const budget = { habitat: 0, sociality: 0, work: 0 };
  for (const axis of AXES) budget[axis] = sumEuros(budgetLines.filter((line) => line.axis === axis).map((line) => line.amount));
  return Object.assign(toSummary(row, contents.personName ?? '', today), {
    revision: row.revision,
    personSigned: personSigned(row),
    signaturePending: signaturePending(row),
    benefits: (JSON.parse(contents.benefits) as Benefit[]).map(([kind, monthlyAmountCents, from, to]) => ({
      kind,
      monthlyAmount: eurosOf(monthlyAmountCents),
      from,
      to,
    })),
    cooperativeIds: JSON.parse(contents.cooperativeIds) as number[],
    goals: (JSON.parse(contents.goals) as Goal[]).map(([id, axis, description, targetDate, status]) => ({
      id,
      axis,
      description,
      targetDate,
      status,
    })),
    budgetLines,
    budget,
    notes: row.notes,
    activatedOn: row.activatedOn,
    endedOn: row.endedOn,
    createdAt: row.createdAt,
    evaluations: (JSON.parse(contents.evaluations) as Evaluation[]).map(([id, date, kind, outcome, nextReviewDate]) => ({
      id,
      date,
      kind,
      outcome,
      nextReviewDate,
    })),
  });
}

/** The project's page after a write, with what the actor's role receives of it. */
export function ptriDetail(db: Queryable, actor: Actor, row: q.PtriRow): PtriDetail {
  return receivedOnly(policyOf(actor.user), 'project', detailOf(row, q.contentsOf(db, row.id), actor.today));
}

function writeRevision(tx: Queryable, actor: Actor, row: q.PtriRow, changes: Changes | null, reason: string | null) {
  q.insertRevision(tx, {
    ptriId: row.id,
    version: row.version,
    revision: row.revision,
    snapshot: snapshotOf(tx, row),
    changes,
    reason,
    userId: actor.user.id,
  });
}

export function createPtri(db: Db, actor: Actor, body: CreateInput): PtriDetail {
  const { user } = actor;
  if (user.role === 'case_manager' && body.serviceId !== user.serviceId) {
    throw new Forbidden('Puoi aprire progetti solo per il tuo servizio');
  }
  return db.transaction((tx) => {
    if (!personById(tx, body.personId, policyOf(user))) throw new Invalid('personId', 'persona inesistente o fuori dal tuo ambito');
    checkLotAndCooperatives(tx, body.serviceId, body.lotId, body.cooperativeIds, body.startDate);
    if (body.caseManagerId !== undefined && !q.isCaseManagerOf(tx, body.caseManagerId, body.serviceId)) {
      throw new Invalid('caseManagerId', 'non è un case manager attivo del servizio');
    }
    if (body.renews !== undefined && q.ptriById(tx, body.renews, policyOf(user))?.personId !== body.personId) {
      throw new Invalid('renews', 'non è un progetto della stessa persona nel tuo ambito');
    }
    const now = actor.now;
    const row = q.insertPtri(tx, {
      personId: body.personId,
      serviceId: body.serviceId,
      lotId: body.lotId,
      caseManagerId: body.caseManagerId ?? (user.role === 'case_manager' ? user.id : null),
      status: 'draft',
      intensity: body.intensity,
      startDate: body.startDate,
      endDate: body.endDate,
      notes: body.notes ?? null,
      renewsPtriId: body.renews ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    checkKeptIds([], goalIdsNamed(body.goals, ''), "l'obiettivo");
    checkKeptIds([], lineIdsNamed(body.budget ?? {}, ''), 'la riga di budget');
    checkResources(tx, body.budget ?? {}, [], '');
    q.saveGoals(tx, row.id, goalRows(body.goals));
    q.saveBudgetLines(tx, row.id, withConfirmations(budgetRows(body.budget ?? {}), []));
    q.replaceCooperatives(tx, row.id, body.cooperativeIds);
    linkPersonToService(tx, body.personId, body.serviceId);
    writeRevision(tx, actor, row, null, 'Creazione');
    recordAudit(tx, actor, {
      action: 'create',
      entity: 'ptri',
      entityId: row.id,
      personId: row.personId,
      changes: { after: snapshotOf(tx, row) },
    });
    return ptriDetail(tx, actor, row);
  });
}

export function updatePtri(db: Db, actor: Actor, id: number, body: UpdateInput, ifMatch: number | undefined): PtriDetail {
  const expected = ifMatch ?? body.version;
  if (expected === undefined) throw new Invalid('version', 'serve la versione corrente (If-Match o version)');
  return db.transaction((tx) => {
    const row = visiblePtri(tx, actor, id);
    if (!EDITABLE_STATUSES.includes(row.status))
      throw new Conflict(`Un progetto in stato «${PTRI_STATUS_LABELS[row.status]}» non si può modificare`);
    if (row.version !== expected) throw new Conflict(`Versione non aggiornata: il progetto è alla versione ${row.version}`);
    const { version: _version, reason, ...changes } = body;
    const updated = reviseProject(tx, actor, row, changes, reason ?? null);
    return ptriDetail(tx, actor, updated);
  });
}

export async function readPtri(db: Db, actor: Actor, id: number): Promise<PtriDetail> {
  // The project and its contents in one statement, so one snapshot of the database.
  const policy = policyOf(actor.user);
  const row = q.ptriWithContents(db, id, policy);
  if (!row) throw new NotFound('Progetto non trovato');
  const detail = receivedOnly(policy, 'project', detailOf(row, row, actor.today));
  await auditRead(db, actor, { action: 'read', entity: 'ptri', entityId: id, personId: detail.personId });
  return detail;
}

export function transitionPtri(db: Db, actor: Actor, id: number, request: TransitionRequest, ifMatch: number | undefined): PtriDetail {
  return db.transaction((tx) => {
    const row = visiblePtri(tx, actor, id);
    if (ifMatch !== undefined && ifMatch !== row.version)
      throw new Conflict(`Versione non aggiornata: il progetto è alla versione ${row.version}`);
    const updated = applyTransition(tx, actor, row, {
      to: request.to,
      reason: request.reason,
      date: request.date,
      goalOutcomes: request.goalOutcomes,
    });
    return ptriDetail(tx, actor, updated);
  });
}

/** The list's filters as the queries take them. */
function listFilters(actor: Actor, query: z.output<typeof ptriCountQuery>): q.PtriFilters {
  const policy = policyOf(actor.user);
  return {
    serviceId: query.serviceId,
    personId: query.personId,
    status: query.status,
    lotId: query.lotId,
    intensity: query.intensity,
    openGoalAxis: query.axis,
    activeIn: query.activeIn,
    reviewOverdueOn: query.reviewOverdue === true ? actor.today : undefined,
    reviewNotOverdueOn: query.reviewOverdue === false ? actor.today : undefined,
    expiredOn: query.expired ? actor.today : undefined,
    signaturePending: query.signaturePending,
    namePrefix: query.q ? query.q.toLocaleLowerCase('it').replace(/\s+/g, ' ') : undefined,
    fiscalCodePrefix: query.q && policy.searchesByFiscalCode ? query.q.replace(/\s+/g, '').toUpperCase() : undefined,
  };
}

/** A page of the projects the actor may see, as the reply's JSON text (written by SQLite, see sql-json.ts). */
export async function listPtris(db: Db, actor: Actor, query: z.output<typeof ptriListQuery>): Promise<JsonText<ListPage<PtriSummary>>> {
  const after = decodeCursor(query.cursor, ['number']);
  const rows = q.listPtris(
    db,
    listFilters(actor, query),
    policyOf(actor.user),
    (after?.[0] as number | undefined) ?? null,
    query.limit,
    actor.today,
  );
  const result = page(rows, query.limit, (row) => [row.id]);
  await auditRead(db, actor, {
    action: 'read',
    entity: 'ptri_list',
    personIds: result.items.map((row) => row.personId),
    changes: { filters: query, ptriIds: result.items.map((row) => row.id) },
  });
  return jsonListReply<PtriSummary>(
    result.items.map((row) => row.json),
    result.nextCursor,
  );
}

/** Counted no further than this: past it the list says "oltre 1.000 risultati". */
const COUNT_CAP = 1000;

/** How many projects the list's filters match in the actor's scope (no person's data: not logged). */
export function countPtris(db: Db, actor: Actor, query: z.output<typeof ptriCountQuery>): PtriCount {
  const n = q.countPtris(db, listFilters(actor, query), policyOf(actor.user), COUNT_CAP, actor.today);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

export async function ptriHistory(db: Db, actor: Actor, id: number): Promise<HistoryEntry[]> {
  const { personId, entries } = db.transaction((tx) => {
    const row = visiblePtri(tx, actor, id);
    const revisions = q.revisionsOf(tx, id).map(({ revision, userName }): HistoryEntry => ({
      kind: 'revision',
      at: revision.at,
      userId: revision.userId,
      userName,
      version: revision.version,
      from: null,
      to: null,
      reason: revision.reason,
      changes: (revision.changes as Changes | null) ?? null,
    }));
    const transitions = q.transitionsOf(tx, id).map(({ transition, userName }): HistoryEntry => ({
      kind: 'transition',
      at: transition.at,
      userId: transition.userId,
      userName,
      version: null,
      from: transition.fromStatus,
      to: transition.toStatus,
      reason: transition.reason,
      changes: null,
    }));
    const policy = policyOf(actor.user);
    const entries = [...revisions, ...transitions]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((entry) => receivedOnly(policy, 'history', entry));
    return { personId: row.personId, entries };
  });
  await auditRead(db, actor, { action: 'read', entity: 'ptri_history', entityId: id, personId });
  return entries;
}
