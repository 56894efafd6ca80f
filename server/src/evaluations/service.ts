// UVM evaluations and the lifecycle moves they cause.
import type { z } from 'zod';
import {
  addMonths,
  EVALUATION_KIND_LABELS,
  EVALUATION_OUTCOME_LABELS,
  formatDate,
  EVALUATION_KIND_NEEDS_STATUS,
  evaluationActivates,
  evaluationMove,
  honosTotal,
  missingPersonSignature,
  personSigned,
  isApprovingOutcome,
  PTRI_STATUS_LABELS,
  type createEvaluationBody,
  type Evaluation,
  type ListPage,
  type MemberEvaluation,
  type memberEvaluationsQuery,
} from '@bds/shared';
import type { Db } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { Conflict, Invalid } from '../errors.ts';
import { policyOf } from '../access/policy.ts';
import { receivedOnly } from '../access/fields.ts';
import { applyTransition, projectDateMark } from '../ptri/lifecycle.ts';
import { visiblePtri } from '../ptri/service.ts';
import * as ptriQueries from '../ptri/queries.ts';
import { activeSocialWorkers, addSocialWorkerMembers, evaluationsSatOn, insertEvaluation, type EvaluationRow } from './queries.ts';
import { auditRead } from '../audit/group-commit.ts';
import { decodeCursor, page } from '../pagination.ts';
import { reviseProject } from '../ptri/revise.ts';
import { saveScores, scaleResultsOf, scoreScales } from './scales.ts';
import { setGoalStatuses } from './changes.ts';

type EvaluationInput = z.output<typeof createEvaluationBody>;

export function toEvaluation(row: EvaluationRow, actor: Actor, scaleResults: Evaluation['scaleResults'] = []): Evaluation {
  return receivedOnly(policyOf(actor.user), 'evaluation', {
    id: row.id,
    ptriId: row.ptriId,
    date: row.date,
    kind: row.kind,
    members: row.members,
    outcome: row.outcome,
    intensity: row.intensity,
    nextReviewDate: row.nextReviewDate,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt,
    scores: row.scores,
    honosTotal: row.honosTotal,
    notes: row.notes,
    living: row.living,
    work: row.work,
    scaleResults,
  });
}

export function recordEvaluation(db: Db, actor: Actor, ptriId: number, body: EvaluationInput): Evaluation {
  return db.transaction((tx) => {
    const ptri = visiblePtri(tx, actor, ptriId);
    if (!EVALUATION_KIND_NEEDS_STATUS[body.kind].includes(ptri.status)) {
      throw new Conflict(
        `Una valutazione «${EVALUATION_KIND_LABELS[body.kind]}» non è possibile su un progetto in stato «${PTRI_STATUS_LABELS[ptri.status]}»`,
      );
    }
    // A future date would also hold back every later evaluation, which may not precede it.
    if (body.date > actor.today) throw new Invalid('date', 'non può essere nel futuro');
    const backDated = projectDateMark(ptri, body.date, actor.today);
    const last = ptriQueries.latestEvaluation(tx, ptriId);
    if (last && body.date < last.date) throw new Invalid('date', `precede l'ultima valutazione (${formatDate(last.date)})`);
    const move = evaluationMove(body.kind, body.outcome);
    // The UVM approves the revision the person signed; what it changes is signed afterwards ("firma in attesa").
    if (evaluationActivates(body.kind, body.outcome) && !personSigned(ptri)) {
      throw new Conflict(missingPersonSignature(ptri.revision), [{ path: 'outcome', message: 'manca la firma della persona' }]);
    }
    const nextReviewDate = move === 'closed' || move === 'rejected' ? null : (body.nextReviewDate ?? addMonths(body.date, 6));
    if (nextReviewDate && nextReviewDate <= body.date) throw new Invalid('nextReviewDate', 'deve seguire la data della valutazione');
    if (body.changes && body.outcome !== 'approved_with_changes') throw new Invalid('changes', 'solo con esito "approvato con modifiche"');
    if (body.goals && body.kind === 'initial')
      throw new Invalid('goals', 'lo stato degli obiettivi si valuta nelle revisioni del progetto in carico');
    if (body.goalOutcomes && !(body.kind === 'final' && move === 'closed'))
      throw new Invalid('goalOutcomes', 'solo in una valutazione finale che chiude il progetto');
    const scores = Object.fromEntries(
      Object.entries(body.scores ?? {}).filter((entry): entry is [string, number[]] => entry[1] !== undefined),
    );
    const scored = scoreScales(tx, scores, body.problemTypes);
    const named = body.members.flatMap((member) => (member.userId === undefined ? [] : [member.userId]));
    const socialWorkers = activeSocialWorkers(tx, named);
    body.members.forEach((member, index) => {
      if (member.userId !== undefined && !socialWorkers.has(member.userId))
        throw new Invalid(`members.${index}.userId`, "non è l'account attivo di un assistente sociale");
    });
    const honos = scores.honos;
    const row = insertEvaluation(tx, {
      ptriId,
      date: body.date,
      kind: body.kind,
      members: body.members,
      outcome: body.outcome,
      intensity: body.intensity ?? null,
      scores: body.scores ? scores : null,
      honosTotal: honos ? honosTotal(honos) : null,
      nextReviewDate,
      notes: body.notes ?? null,
      living: body.living ?? null,
      work: body.work ?? null,
      recordedBy: actor.user.id,
    });
    saveScores(tx, row, scored);
    addSocialWorkerMembers(tx, row.id, row.date, [...socialWorkers]);
    // What the UVM changes comes first, so that activation starts from the changed period.
    let current = ptri;
    const approving = isApprovingOutcome(body.outcome);
    const changes = {
      ...body.changes,
      ...(approving && body.intensity && body.intensity !== ptri.intensity ? { intensity: body.intensity } : {}),
    };
    if (Object.keys(changes).length > 0) {
      const reason = body.changes
        ? `Valutazione UVM del ${formatDate(body.date)}: approvato con modifiche`
        : `Valutazione UVM del ${formatDate(body.date)}: intensità`;
      current = reviseProject(tx, actor, current, changes, reason, 'changes.');
    }
    // Before a closure, so that its per-axis outcomes close only the goals still open.
    const goals = body.goals ? setGoalStatuses(tx, ptriId, body.goals) : [];
    if (move) {
      current = applyTransition(tx, actor, current, {
        to: move,
        date: body.date,
        reason: `Valutazione UVM ${EVALUATION_KIND_LABELS[body.kind].toLowerCase()}: ${EVALUATION_OUTCOME_LABELS[body.outcome].toLowerCase()}`,
        byEvaluation: true,
        goalOutcomes: body.goalOutcomes,
      });
    }
    // The review date is the UVM's schedule, not content a case manager edits: it does not make a new version.
    ptriQueries.setNextReviewDate(tx, ptriId, nextReviewDate);
    recordAudit(tx, actor, {
      action: 'create',
      entity: 'evaluation',
      entityId: row.id,
      personId: current.personId,
      changes: { kind: body.kind, outcome: body.outcome, date: body.date, ...backDated, ...(goals.length > 0 ? { goals } : {}) },
    });
    return toEvaluation(row, actor, scaleResultsOf(tx, [row.id]).get(row.id));
  });
}

export function listEvaluations(db: Db, actor: Actor, ptriId: number): Evaluation[] {
  return db.transaction((tx) => {
    const ptri = visiblePtri(tx, actor, ptriId);
    recordAudit(tx, actor, { action: 'read', entity: 'evaluation_list', entityId: ptriId, personId: ptri.personId });
    const rows = ptriQueries.evaluationsOf(tx, ptriId);
    const results = scaleResultsOf(
      tx,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toEvaluation(row, actor, results.get(row.id)));
  });
}

/**
 * The UVM meetings the social worker sat on as a named member, with their outcome: whichever
 * district the person lives in, for the member was at the table; never scores nor notes.
 */
export async function evaluationsOfMember(
  db: Db,
  actor: Actor,
  query: z.output<typeof memberEvaluationsQuery>,
): Promise<ListPage<MemberEvaluation>> {
  const after = decodeCursor(query.cursor, ['string', 'number']) as [string, number] | null;
  const result = page(evaluationsSatOn(db, actor.user.id, after, query.limit), query.limit, (row) => [row.date, row.evaluationId]);
  await auditRead(db, actor, {
    action: 'read',
    entity: 'evaluation_list',
    personIds: result.items.map((row) => row.personId),
    changes: { evaluationIds: result.items.map((row) => row.evaluationId) },
  });
  return { items: result.items.map(({ personId: _personId, ...row }) => row), nextCursor: result.nextCursor };
}
