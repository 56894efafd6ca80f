// The PTRI lifecycle as one table: every legal move, who may make it and what it needs.
import { PERSON_SIGNERS, type EvaluationKind, type EvaluationOutcome, type PtriStatus, type Role, type Signer } from './domain.ts';

/** `personSignature`: the person (or their guardian) signed the current revision (see `personSigned`). */
export type TransitionRequirement = 'approvingEvaluation' | 'personSignature' | 'reason';

export interface TransitionRule {
  from: PtriStatus;
  to: PtriStatus;
  roles: readonly Role[];
  needs: readonly TransitionRequirement[];
}

export const PTRI_TRANSITIONS: readonly TransitionRule[] = [
  { from: 'draft', to: 'submitted', roles: ['case_manager', 'admin'], needs: [] },
  { from: 'submitted', to: 'draft', roles: ['case_manager', 'uvm', 'admin'], needs: ['reason'] },
  { from: 'submitted', to: 'active', roles: ['uvm', 'admin'], needs: ['approvingEvaluation', 'personSignature'] },
  { from: 'submitted', to: 'rejected', roles: ['uvm', 'admin'], needs: ['reason'] },
  { from: 'active', to: 'suspended', roles: ['case_manager', 'uvm', 'admin'], needs: ['reason'] },
  { from: 'suspended', to: 'active', roles: ['case_manager', 'uvm', 'admin'], needs: [] },
  { from: 'active', to: 'closed', roles: ['case_manager', 'uvm', 'admin'], needs: ['reason'] },
  { from: 'suspended', to: 'closed', roles: ['case_manager', 'uvm', 'admin'], needs: ['reason'] },
];

export function findTransition(from: PtriStatus, to: PtriStatus): TransitionRule | undefined {
  return PTRI_TRANSITIONS.find((rule) => rule.from === from && rule.to === to);
}

export function transitionsFrom(from: PtriStatus, role: Role): TransitionRule[] {
  return PTRI_TRANSITIONS.filter((rule) => rule.from === from && rule.roles.includes(role));
}

/** UVM outcomes that approve a project. */
export const APPROVING_OUTCOMES: readonly EvaluationOutcome[] = ['approved', 'approved_with_changes'];
export const isApprovingOutcome = (outcome: string): boolean => (APPROVING_OUTCOMES as readonly string[]).includes(outcome);

/** The outcome of a project's latest evaluation (by date, then by the order recorded), or null. */
export function latestEvaluationOutcome(evaluations: readonly { id: number; date: string; outcome: string }[]): string | null {
  let latest: (typeof evaluations)[number] | null = null;
  for (const evaluation of evaluations) {
    if (!latest || evaluation.date > latest.date || (evaluation.date === latest.date && evaluation.id > latest.id)) latest = evaluation;
  }
  return latest?.outcome ?? null;
}

/**
 * The moves to offer this role on a project: those of the table whose needs the project already
 * meets (a reason is asked for when the move is made), so that none is offered only to be refused.
 */
export function offeredTransitions(
  from: PtriStatus,
  role: Role,
  facts: { latestOutcome: string | null; personSigned?: boolean },
): TransitionRule[] {
  const approved = facts.latestOutcome !== null && isApprovingOutcome(facts.latestOutcome);
  return transitionsFrom(from, role).filter(
    (rule) =>
      (approved || !rule.needs.includes('approvingEvaluation')) &&
      (facts.personSigned !== false || !rule.needs.includes('personSignature')),
  );
}

/** Why an approval is refused when the person has not signed: one message for the UVM and the lifecycle. */
export function missingPersonSignature(revision: number): string {
  return `Manca la firma della persona (o del tutore/amministratore di sostegno) sulla revisione ${revision} del progetto: registrarla prima dell'approvazione`;
}

/** Statuses in which the project's content (goals, budget, period) may still be edited. */
export const EDITABLE_STATUSES: readonly PtriStatus[] = ['draft', 'active'];

/** Which evaluation kinds fit which project states. */
export const EVALUATION_KIND_NEEDS_STATUS: Record<EvaluationKind, readonly PtriStatus[]> = {
  initial: ['submitted'],
  review: ['active', 'suspended'],
  extraordinary: ['active', 'suspended'],
  final: ['active', 'suspended'],
};

/** The evaluation kinds a project in this state can receive. */
export function evaluationKindsFor(status: PtriStatus): EvaluationKind[] {
  return (Object.keys(EVALUATION_KIND_NEEDS_STATUS) as EvaluationKind[]).filter((kind) =>
    EVALUATION_KIND_NEEDS_STATUS[kind].includes(status),
  );
}

/** The lifecycle move an evaluation causes, if any: the UVM's decision is the approval, rejection or closure. */
/** Whether an evaluation approves a submitted project into care: what needs the person's signature first. */
export function evaluationActivates(kind: EvaluationKind, outcome: EvaluationOutcome): boolean {
  return kind === 'initial' && isApprovingOutcome(outcome);
}

export function evaluationMove(kind: EvaluationKind, outcome: EvaluationOutcome): PtriStatus | null {
  if (evaluationActivates(kind, outcome)) return 'active';
  if (kind === 'initial' && outcome === 'not_approved') return 'rejected';
  if (kind === 'final' && outcome !== 'postponed') return 'closed';
  return null;
}

/** HoNOS total: the sum of the items scored 0–4; 9 (not known) is left out. */
export function honosTotal(items: readonly number[]): number {
  return items.reduce((sum, item) => (item === 9 ? sum : sum + item), 0);
}

/** Statuses of a project in care: activated and not closed. */
export const OPEN_STATUSES: readonly PtriStatus[] = ['active', 'suspended'];

/**
 * A project in care past its planned end: still open, to renew or close. A derived flag, not a
 * status; the reports' SQL form of it is `expiredOn` in server/src/figures/definitions.ts.
 */
export function isExpired(project: { status: PtriStatus; endDate: string }, today: string): boolean {
  return OPEN_STATUSES.includes(project.status) && project.endDate < today;
}

/** Whether a signer's signature is the person's agreement (theirs, or their guardian's). */
export const isPersonSigner = (signer: Signer): boolean => PERSON_SIGNERS.includes(signer);

/** The person (or their guardian) signed the project's current content revision. */
export function personSigned(project: { revision: number; personSignedRevision: number | null }): boolean {
  return project.personSignedRevision === project.revision;
}

/**
 * "Firma in attesa": a project in care whose current revision lacks the person's signature (the
 * UVM approved it with changes, or it changed since). The SQL form is the partial index
 * `ptris_signature_pending_idx` and `signaturePending` in server/src/ptri/queries.ts.
 */
export function signaturePending(project: { status: PtriStatus; revision: number; personSignedRevision: number | null }): boolean {
  return OPEN_STATUSES.includes(project.status) && !personSigned(project);
}

/** Statuses in which a revision can still be signed. */
export const SIGNABLE_STATUSES: readonly PtriStatus[] = ['draft', 'submitted', 'active', 'suspended'];
/** While the plan is still agreed on, the social services may confirm or decline their lines: the statuses a revision is signed in. */
export const CONFIRMABLE_STATUSES = SIGNABLE_STATUSES;
