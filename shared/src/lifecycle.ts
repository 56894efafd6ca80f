// The PTRI lifecycle as one table: every legal move, who may make it and what it needs.
import type { EvaluationOutcome, PtriStatus, Role } from './domain.ts';

export type TransitionRequirement = 'approvingEvaluation' | 'reason';

export interface TransitionRule {
  from: PtriStatus;
  to: PtriStatus;
  roles: readonly Role[];
  needs: readonly TransitionRequirement[];
}

export const PTRI_TRANSITIONS: readonly TransitionRule[] = [
  { from: 'draft', to: 'submitted', roles: ['case_manager', 'admin'], needs: [] },
  { from: 'submitted', to: 'draft', roles: ['case_manager', 'uvm', 'admin'], needs: ['reason'] },
  { from: 'submitted', to: 'active', roles: ['uvm', 'admin'], needs: ['approvingEvaluation'] },
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
export function offeredTransitions(from: PtriStatus, role: Role, facts: { latestOutcome: string | null }): TransitionRule[] {
  const approved = facts.latestOutcome !== null && isApprovingOutcome(facts.latestOutcome);
  return transitionsFrom(from, role).filter((rule) => approved || !rule.needs.includes('approvingEvaluation'));
}

/** Statuses in which the project's content (goals, budget, period) may still be edited. */
export const EDITABLE_STATUSES: readonly PtriStatus[] = ['draft', 'active'];
