// Co-design of a draft with its cooperatives: the case manager shares the draft, a cooperative
// proposes goals and budget lines to add or change (by id), the case manager accepts or declines.
import { z } from 'zod';
import { AXES, BUDGET_SOURCES, PROPOSAL_STATUSES } from '../domain.ts';
import { cursorSchema, idSchema, limitSchema, longText, recordDate, text } from './common.ts';
import { euroAmount } from './reference.ts';
import { quarterHours } from './ptri.ts';

/** A goal or line of the project the proposal changes; none: it adds one. */
const changedId = z.number().int().positive().optional();

export const proposedGoalInput = z.strictObject({
  id: changedId,
  axis: z.enum(AXES),
  description: longText(2000),
  targetDate: recordDate.nullable().optional(),
});
export type ProposedGoalInput = z.infer<typeof proposedGoalInput>;

export const proposedLineInput = z
  .strictObject({
    id: changedId,
    axis: z.enum(AXES),
    source: z.enum(BUDGET_SOURCES),
    description: text(300),
    hours: quarterHours.nullable().optional(),
    amount: euroAmount.nullable().optional(),
    /** A resource of the territory's catalogue the line draws on. */
    resourceId: z.number().int().positive().optional(),
  })
  .refine((line) => line.hours != null || line.amount != null, { error: 'indicare ore o importo', path: ['amount'] });
export type ProposedLineInput = z.infer<typeof proposedLineInput>;

export const proposalBody = z
  .strictObject({
    goals: z.array(proposedGoalInput).max(60).optional(),
    budgetLines: z.array(proposedLineInput).max(50).optional(),
    note: longText(2000),
  })
  .refine((body) => (body.goals?.length ?? 0) + (body.budgetLines?.length ?? 0) > 0, {
    error: 'proporre almeno un obiettivo o una riga di budget',
    path: ['budgetLines'],
  });
export type ProposalBody = z.input<typeof proposalBody>;

export const proposalDecisionBody = z
  .strictObject({
    decision: z.enum(['accepted', 'declined']),
    note: longText(1000).optional(),
    /** The project's version the case manager decided on; a stale one is 409. */
    version: z.number().int().positive().optional(),
  })
  .refine((body) => body.decision === 'accepted' || Boolean(body.note), { error: 'indicare il motivo del rifiuto', path: ['note'] });
export type ProposalDecisionBody = z.input<typeof proposalDecisionBody>;

export const proposalParams = z.strictObject({ id: idSchema, proposalId: idSchema });

const proposedGoalSchema = z.object({
  id: z.number().int().optional(),
  axis: z.enum(AXES),
  description: z.string(),
  targetDate: z.string().nullable().optional(),
});
const proposedLineSchema = z.object({
  id: z.number().int().optional(),
  axis: z.enum(AXES),
  source: z.enum(BUDGET_SOURCES),
  description: z.string(),
  hours: z.number().nullable().optional(),
  amount: z.number().nullable().optional(),
  resourceId: z.number().int().optional(),
});

export const proposalSchema = z.object({
  id: z.number().int(),
  ptriId: z.number().int(),
  cooperativeId: z.number().int(),
  cooperativeName: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  /** The project's content revision the cooperative saw when it proposed. */
  baseRevision: z.number().int(),
  goals: z.array(proposedGoalSchema),
  budgetLines: z.array(proposedLineSchema),
  note: z.string(),
  proposedBy: z.number().int().nullable(),
  proposedByName: z.string().nullable(),
  proposedAt: z.string(),
  decidedBy: z.number().int().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** The project's version that applied it, once accepted. */
  appliedVersion: z.number().int().nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const shareSchema = z.object({
  ptriId: z.number().int(),
  sharedWith: z.array(
    z.object({ cooperativeId: z.number().int(), cooperativeName: z.string(), sharedAt: z.string(), sharedBy: z.number().int().nullable() }),
  ),
});
export type Share = z.infer<typeof shareSchema>;

export const proposalListQuery = z.strictObject({ limit: limitSchema, cursor: cursorSchema });
