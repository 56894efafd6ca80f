// Moving a project through its lifecycle: the rules come from the shared transition table,
// the effects (period of care, history, audit) are applied here and nowhere else.
import {
  BACK_DATING_WINDOW_DAYS,
  departmentDateAt,
  earliestProjectDate,
  findTransition,
  formatDate,
  isApprovingOutcome,
  missingPersonSignature,
  personSigned,
  PTRI_STATUS_LABELS,
  type goalOutcomes,
  type PtriStatus,
} from '@bds/shared';
import type { z } from 'zod';
import type { Queryable } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { backDatedMark, recordAudit } from '../audit/record.ts';
import { Conflict, Forbidden, Invalid } from '../errors.ts';
import { closeGoals, requireOutcomePerOpenAxis } from '../evaluations/changes.ts';
import * as q from './queries.ts';

export interface TransitionRequest {
  to: PtriStatus;
  reason?: string | null;
  date?: string | null;
  /** Set when an evaluation causes the move: the evaluation itself is the approval. */
  byEvaluation?: boolean;
  /** Closing: the outcome of each axis with open goals, which no closed project leaves open. */
  goalOutcomes?: z.output<typeof goalOutcomes>;
}

export function hasApprovingEvaluation(db: Queryable, ptriId: number): boolean {
  const last = q.latestEvaluation(db, ptriId);
  return !!last && isApprovingOutcome(last.outcome);
}

/**
 * A lifecycle or evaluation date of a project: refused when it precedes the project's writing by
 * more than the back-dating window; within it, the access-log mark of a back-dated one.
 */
export function projectDateMark(ptri: Pick<q.PtriRow, 'createdAt'>, date: string, today: string): { backDated?: true } {
  const writtenOn = departmentDateAt(new Date(ptri.createdAt));
  if (date < earliestProjectDate(writtenOn)) {
    throw new Invalid(
      'date',
      `precede di oltre ${BACK_DATING_WINDOW_DAYS} giorni la registrazione del progetto (${formatDate(writtenOn)}): lo storico più vecchio entra solo con l'importazione dei progetti in carico`,
    );
  }
  return backDatedMark(date, today);
}

/** A move takes effect today or on a past day, never before the project's previous move nor long before its writing. */
function checkEffectiveDate(tx: Queryable, ptri: q.PtriRow, date: string, today: string): { backDated?: true } {
  if (date > today) throw new Invalid('date', 'non può essere nel futuro');
  const previous = q.lastTransitionDate(tx, ptri.id);
  if (previous && date < previous) throw new Invalid('date', `precede l'ultimo cambio di stato del progetto (${formatDate(previous)})`);
  return projectDateMark(ptri, date, today);
}

/** A person is in care of one project per lot at a time: a second one would count their days and hours twice. */
function refuseSecondProjectInLot(tx: Queryable, ptri: q.PtriRow, activatedOn: string) {
  const other = q.overlappingCareInLot(tx, ptri, activatedOn, ptri.endDate);
  if (!other) return;
  const message = `la persona è già in carico nello stesso lotto con il progetto n. ${other.id} (${formatDate(other.activatedOn)} – ${formatDate(other.endsOn)}): chiuderlo o farlo terminare prima dell'inizio di questo`;
  throw new Conflict(`Due progetti attivi dello stesso lotto per la stessa persona: ${message}`, [{ path: 'lotId', message }], {
    ptriId: other.id,
  });
}

/** Applies one lifecycle move inside the caller's transaction and returns the updated row. */
export function applyTransition(tx: Queryable, actor: Actor, ptri: q.PtriRow, request: TransitionRequest): q.PtriRow {
  const rule = findTransition(ptri.status, request.to);
  if (!rule) throw new Conflict(`Passaggio non consentito: da «${PTRI_STATUS_LABELS[ptri.status]}» a «${PTRI_STATUS_LABELS[request.to]}»`);
  if (!request.byEvaluation && !rule.roles.includes(actor.user.role)) throw new Forbidden('Il tuo ruolo non può eseguire questo passaggio');
  if (rule.needs.includes('reason') && !request.reason && !request.byEvaluation) throw new Invalid('reason', 'motivazione obbligatoria');
  if (rule.needs.includes('approvingEvaluation') && !request.byEvaluation && !hasApprovingEvaluation(tx, ptri.id)) {
    throw new Conflict('Serve una valutazione UVM di approvazione prima di attivare il progetto');
  }
  if (rule.needs.includes('personSignature') && !request.byEvaluation && !personSigned(ptri)) {
    throw new Conflict(missingPersonSignature(ptri.revision), [{ path: 'to', message: 'manca la firma della persona' }]);
  }
  const date = request.date ?? actor.today;
  const backDated = checkEffectiveDate(tx, ptri, date, actor.today);
  const effects: Partial<q.PtriRow> = { status: request.to };
  if (request.to === 'active' && ptri.status === 'submitted') {
    // An approved project starts on its start date, or on the approval day if that is later.
    effects.activatedOn = date > ptri.startDate ? date : ptri.startDate;
    refuseSecondProjectInLot(tx, ptri, effects.activatedOn);
  }
  if (request.to === 'suspended' || request.to === 'closed') {
    // Work recorded after the move would fall outside care: the day of closing still counts, the day of suspending does not.
    const lastWork = q.lastInterventionDate(tx, ptri.id);
    const covers = request.to === 'closed' ? (lastWork ?? '') <= date : (lastWork ?? '') < date;
    if (lastWork && !covers) throw new Invalid('date', `non può precedere l'ultimo intervento registrato (${formatDate(lastWork)})`);
  }
  if (request.to === 'closed') {
    if (ptri.activatedOn && date < ptri.activatedOn) throw new Invalid('date', "la chiusura precede l'attivazione");
    requireOutcomePerOpenAxis(tx, ptri.id, request.goalOutcomes);
    effects.endedOn = date;
  } else if (request.goalOutcomes) {
    throw new Invalid('goalOutcomes', 'solo alla chiusura del progetto');
  }
  if (!q.updatePtriAtVersion(tx, ptri.id, ptri.version, effects)) {
    throw new Conflict('Il progetto è stato modificato nel frattempo: ricarica');
  }
  if (request.to === 'closed' && request.goalOutcomes) closeGoals(tx, ptri.id, request.goalOutcomes);
  q.insertTransition(tx, {
    ptriId: ptri.id,
    fromStatus: ptri.status,
    toStatus: request.to,
    reason: request.reason ?? null,
    effectiveDate: date,
    userId: actor.user.id,
  });
  recordAudit(tx, actor, {
    action: 'transition',
    entity: 'ptri',
    entityId: ptri.id,
    personId: ptri.personId,
    changes: {
      status: { before: ptri.status, after: request.to },
      reason: request.reason ?? null,
      date,
      ...backDated,
      ...(request.goalOutcomes ? { goalOutcomes: request.goalOutcomes } : {}),
    },
  });
  return { ...ptri, ...effects, version: ptri.version + 1 };
}
