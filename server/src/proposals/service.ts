// Co-design of a draft with its cooperatives: the case manager shares the draft, a sharing
// cooperative proposes goals and budget lines to add or change, the case manager accepts (the
// draft changes as a new version naming the proposal) or declines with a reason.
import type { z } from 'zod';
import type { Db, Queryable } from '@bds/db';
import {
  AXES,
  PROPOSAL_STATUS_LABELS,
  PTRI_STATUS_LABELS,
  type BudgetInput,
  type BudgetLineInput,
  type GoalInput,
  type ListPage,
  type Proposal,
  type proposalBody,
  type proposalDecisionBody,
  type ProposedGoalInput,
  type ProposedLineInput,
  type PtriSummary,
  type Share,
} from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { auditRead } from '../audit/group-commit.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { policyOf } from '../access/policy.ts';
import { receivedOnly } from '../access/fields.ts';
import { toSummary, visiblePtri } from '../ptri/service.ts';
import { reviseProject } from '../ptri/revise.ts';
import { checkKeptIds, toBudgetLine } from '../ptri/content.ts';
import { budgetLinesOf, cooperativesOf, goalsOf, type PtriRow } from '../ptri/queries.ts';
import { resourceById } from '../resources/queries.ts';
import * as q from './queries.ts';

type ProposalInput = z.output<typeof proposalBody>;
type DecisionInput = z.output<typeof proposalDecisionBody>;

/** The goals and lines a proposal changes, as they were when it was made: what "changed since" compares. */
interface Base {
  goals: Record<string, unknown>;
  budgetLines: Record<string, unknown>;
}

const goalState = (goal: ReturnType<typeof goalsOf>[number]) => ({
  axis: goal.axis,
  description: goal.description,
  targetDate: goal.targetDate,
});
const lineState = (line: ReturnType<typeof budgetLinesOf>[number]) => ({
  axis: line.axis,
  source: line.source,
  description: line.description,
  minutes: line.minutes,
  amountCents: line.amountCents,
});

function requireDraft(row: PtriRow) {
  if (row.status !== 'draft')
    throw new Conflict(
      `Il progetto è in stato «${PTRI_STATUS_LABELS[row.status]}»: la co-progettazione con le cooperative si fa solo sulla bozza`,
    );
}

function shareOf(db: Queryable, ptriId: number): Share {
  return { ptriId, sharedWith: q.sharesOf(db, ptriId) };
}

export function shareDraft(db: Db, actor: Actor, ptriId: number): Share {
  return db.transaction((tx) => {
    const row = visiblePtri(tx, actor, ptriId);
    requireDraft(row);
    const assigned = cooperativesOf(tx, ptriId);
    if (assigned.length === 0)
      throw new Conflict('Nessuna cooperativa è assegnata alla bozza: assegnarne almeno una prima di condividerla');
    const added = q.addShares(tx, ptriId, assigned, actor.user.id);
    recordAudit(tx, actor, { action: 'create', entity: 'ptri_share', entityId: ptriId, personId: row.personId, changes: { added } });
    return shareOf(tx, ptriId);
  });
}

export async function readShare(db: Db, actor: Actor, ptriId: number): Promise<Share> {
  const row = visiblePtri(db, actor, ptriId);
  await auditRead(db, actor, { action: 'read', entity: 'ptri_share', entityId: ptriId, personId: row.personId });
  return shareOf(db, ptriId);
}

/** The drafts shared with the caller's cooperative: what it is asked to co-design. */
export async function listSharedDrafts(
  db: Db,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<ListPage<PtriSummary>> {
  const cooperativeId = actor.user.cooperativeId;
  if (!cooperativeId) throw new Forbidden();
  const policy = policyOf(actor.user);
  const after = decodeCursor(query.cursor, ['number']);
  const rows = q.sharedDraftsOf(db, cooperativeId, policy.ptris, (after?.[0] as number | undefined) ?? null, query.limit);
  const result = page(rows, query.limit, (row) => [row.ptri.id]);
  await auditRead(db, actor, {
    action: 'read',
    entity: 'ptri_list',
    personIds: result.items.map((row) => row.ptri.personId),
    changes: { sharedDrafts: true, ptriIds: result.items.map((row) => row.ptri.id) },
  });
  return {
    items: result.items.map((row) => receivedOnly(policy, 'project', toSummary(row.ptri, row.personName, actor.today))),
    nextCursor: result.nextCursor,
  };
}

function toProposal(row: q.ProposalRow, names: { cooperativeName: string; proposedByName: string | null; decidedByName: string | null }) {
  return {
    id: row.id,
    ptriId: row.ptriId,
    cooperativeId: row.cooperativeId,
    cooperativeName: names.cooperativeName,
    status: row.status,
    baseRevision: row.baseRevision,
    goals: row.goals as ProposedGoalInput[],
    budgetLines: row.budgetLines as ProposedLineInput[],
    note: row.note,
    proposedBy: row.proposedBy,
    proposedByName: names.proposedByName,
    proposedAt: row.proposedAt,
    decidedBy: row.decidedBy,
    decidedByName: names.decidedByName,
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
    appliedVersion: row.appliedVersion,
  } satisfies Proposal;
}

function proposalReply(db: Queryable, row: q.ProposalRow): Proposal {
  return toProposal(row, {
    cooperativeName: q.cooperativeName(db, row.cooperativeId),
    proposedByName: row.proposedBy === null ? null : q.userName(db, row.proposedBy),
    decidedByName: row.decidedBy === null ? null : q.userName(db, row.decidedBy),
  });
}

export function propose(db: Db, actor: Actor, ptriId: number, body: ProposalInput): Proposal {
  const cooperativeId = actor.user.cooperativeId;
  if (!cooperativeId) throw new Forbidden();
  return db.transaction((tx) => {
    const row = visiblePtri(tx, actor, ptriId);
    requireDraft(row);
    if (!q.isSharedWith(tx, ptriId, cooperativeId)) throw new Conflict('La bozza non è condivisa con la tua cooperativa');
    const goals = body.goals ?? [];
    const lines = body.budgetLines ?? [];
    const currentGoals = goalsOf(tx, ptriId);
    const currentLines = budgetLinesOf(tx, ptriId);
    checkKeptIds(
      currentGoals.map((goal) => goal.id),
      goals.map((goal, index) => ({ id: goal.id, path: `goals.${index}.id` })),
      "l'obiettivo",
    );
    checkKeptIds(
      currentLines.map((line) => line.id),
      lines.map((line, index) => ({ id: line.id, path: `budgetLines.${index}.id` })),
      'la riga di budget',
    );
    lines.forEach((line, index) => {
      if (line.resourceId !== undefined && !resourceById(tx, line.resourceId))
        throw new Invalid(`budgetLines.${index}.resourceId`, `la risorsa ${line.resourceId} non esiste nel catalogo`);
    });
    const touchedGoals = new Set(goals.map((goal) => goal.id));
    const touchedLines = new Set(lines.map((line) => line.id));
    const base: Base = {
      goals: Object.fromEntries(currentGoals.filter((goal) => touchedGoals.has(goal.id)).map((goal) => [goal.id, goalState(goal)])),
      budgetLines: Object.fromEntries(currentLines.filter((line) => touchedLines.has(line.id)).map((line) => [line.id, lineState(line)])),
    };
    const proposal = q.insertProposal(tx, {
      ptriId,
      cooperativeId,
      proposedBy: actor.user.id,
      baseRevision: row.revision,
      goals,
      budgetLines: lines,
      base,
      note: body.note,
    });
    recordAudit(tx, actor, {
      action: 'create',
      entity: 'ptri_proposal',
      entityId: proposal.id,
      personId: row.personId,
      changes: { ptriId, baseRevision: row.revision, goals, budgetLines: lines },
    });
    return proposalReply(tx, proposal);
  });
}

export async function listProposals(
  db: Db,
  actor: Actor,
  ptriId: number,
  query: { limit: number; cursor?: string | undefined },
): Promise<ListPage<Proposal>> {
  const row = visiblePtri(db, actor, ptriId);
  const after = decodeCursor(query.cursor, ['number']);
  const rows = q.proposalsOf(db, ptriId, policyOf(actor.user).proposalsOf, (after?.[0] as number | undefined) ?? null, query.limit);
  const result = page(rows, query.limit, (item) => [item.proposal.id]);
  await auditRead(db, actor, { action: 'read', entity: 'ptri_proposal_list', entityId: ptriId, personId: row.personId });
  return { items: result.items.map((item) => toProposal(item.proposal, item)), nextCursor: result.nextCursor };
}

/**
 * Refuses a proposal that changes a goal or line the project no longer has as the cooperative
 * saw it: accepting it would silently overwrite what changed since.
 */
function checkNotStale(tx: Queryable, row: PtriRow, proposal: q.ProposalRow) {
  const base = proposal.base as Base;
  const stale = (what: string, id: string) =>
    new Conflict(
      `Modificato dopo la proposta: ${what} ${id}. La proposta è sulla revisione ${proposal.baseRevision}, il progetto è alla ${row.revision}: la cooperativa deve rifarla sul progetto di oggi`,
    );
  const goals = new Map(goalsOf(tx, row.id).map((goal) => [String(goal.id), goalState(goal)]));
  for (const [id, was] of Object.entries(base.goals))
    if (JSON.stringify(goals.get(id)) !== JSON.stringify(was)) throw stale("l'obiettivo", id);
  const lines = new Map(budgetLinesOf(tx, row.id).map((line) => [String(line.id), lineState(line)]));
  for (const [id, was] of Object.entries(base.budgetLines))
    if (JSON.stringify(lines.get(id)) !== JSON.stringify(was)) throw stale('la riga di budget', id);
}

/** The project's goals and budget with the proposal applied: changed items in place, new ones after their axis' others. */
function contentWith(tx: Queryable, ptriId: number, proposal: q.ProposalRow): { goals: GoalInput[]; budget: BudgetInput } {
  const proposedGoals = proposal.goals as ProposedGoalInput[];
  const proposedLines = proposal.budgetLines as ProposedLineInput[];
  const goalChanges = new Map(proposedGoals.flatMap((goal) => (goal.id === undefined ? [] : [[goal.id, goal]])));
  const goals: GoalInput[] = goalsOf(tx, ptriId).map((goal) => {
    const change = goalChanges.get(goal.id);
    const targetDate = change?.targetDate === undefined ? goal.targetDate : change.targetDate;
    return {
      id: goal.id,
      axis: change?.axis ?? goal.axis,
      description: change?.description ?? goal.description,
      targetDate,
      status: goal.status,
    };
  });
  goals.push(...proposedGoals.filter((goal) => goal.id === undefined).map(({ id: _id, ...goal }) => goal));

  const lineChanges = new Map(proposedLines.flatMap((line) => (line.id === undefined ? [] : [[line.id, line]])));
  const lines: (BudgetLineInput & { axis: (typeof AXES)[number] })[] = budgetLinesOf(tx, ptriId).map((row) => {
    const change = lineChanges.get(row.id);
    if (!change) {
      const { id, axis, source, description, hours, amount } = toBudgetLine(row);
      return { id, axis, source, description, hours, amount };
    }
    return {
      id: row.id,
      axis: change.axis,
      source: change.source,
      description: change.description,
      hours: change.hours ?? null,
      amount: change.amount ?? null,
      resourceId: change.resourceId,
    };
  });
  for (const { id: _id, ...line } of proposedLines.filter((line) => line.id === undefined))
    lines.push({ ...line, hours: line.hours ?? null, amount: line.amount ?? null });
  const budget = Object.fromEntries(
    AXES.map((axis) => [axis, lines.filter((line) => line.axis === axis).map(({ axis: _axis, ...line }) => line)]),
  ) as BudgetInput;
  return { goals, budget };
}

export function decide(
  db: Db,
  actor: Actor,
  ptriId: number,
  proposalId: number,
  body: DecisionInput,
  ifMatch: number | undefined,
): Proposal {
  return db.transaction((tx) => {
    const row = visiblePtri(tx, actor, ptriId);
    const proposal = q.proposalOf(tx, ptriId, proposalId);
    if (!proposal) throw new NotFound('Proposta non trovata');
    if (proposal.status !== 'open') throw new Conflict(`La proposta è già stata decisa: «${PROPOSAL_STATUS_LABELS[proposal.status]}»`);
    requireDraft(row);
    const expected = ifMatch ?? body.version;
    if (expected !== undefined && expected !== row.version)
      throw new Conflict(`Versione non aggiornata: il progetto è alla versione ${row.version}`);
    const decided = { decidedBy: actor.user.id, decidedAt: actor.now, decisionNote: body.note ?? null };
    let appliedVersion: number | null = null;
    if (body.decision === 'accepted') {
      checkNotStale(tx, row, proposal);
      const cooperative = q.cooperativeName(tx, proposal.cooperativeId);
      const updated = reviseProject(
        tx,
        actor,
        row,
        contentWith(tx, ptriId, proposal),
        `Proposta n. ${proposal.id} di ${cooperative} accettata`,
      );
      q.attributeRevision(tx, ptriId, updated.version, proposal.id);
      appliedVersion = updated.version;
    }
    if (!q.decideProposal(tx, proposal.id, { status: body.decision, ...decided, appliedVersion }))
      throw new Conflict('La proposta è stata decisa nel frattempo: ricarica');
    recordAudit(tx, actor, {
      action: 'update',
      entity: 'ptri_proposal',
      entityId: proposal.id,
      personId: row.personId,
      changes: { ptriId, decision: body.decision, appliedVersion },
    });
    return proposalReply(tx, { ...proposal, status: body.decision, ...decided, appliedVersion });
  });
}
