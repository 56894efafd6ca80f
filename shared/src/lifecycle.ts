// The PTRI lifecycle as one table: every legal move, who may make it and what it needs.
import type { PtriStatus, Role } from './domain.ts';

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

/** Statuses in which the project's content (goals, budget, period) may still be edited. */
export const EDITABLE_STATUSES: readonly PtriStatus[] = ['draft', 'active'];

/** Statuses of a project in care: activated and not closed. */
export const OPEN_STATUSES: readonly PtriStatus[] = ['active', 'suspended'];

/**
 * A project in care past its planned end: still open, to renew or close. A derived flag, not a
 * status; the reports' SQL form of it is `expiredOn` in server/src/figures/definitions.ts.
 */
export function isExpired(project: { status: PtriStatus; endDate: string }, today: string): boolean {
  return OPEN_STATUSES.includes(project.status) && project.endDate < today;
}
