import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { schema, type Queryable } from '@bds/db';

const { ptris, persons, ptriShares, ptriProposals, ptriRevisions, cooperatives, users } = schema;

export type ProposalRow = typeof ptriProposals.$inferSelect;

/** The cooperatives a draft is shared with, by name (primary key on ptri_id, cooperative_id). */
export function sharesOf(db: Queryable, ptriId: number) {
  return db
    .select({
      cooperativeId: ptriShares.cooperativeId,
      cooperativeName: cooperatives.name,
      sharedAt: ptriShares.sharedAt,
      sharedBy: ptriShares.sharedBy,
    })
    .from(ptriShares)
    .innerJoin(cooperatives, eq(cooperatives.id, ptriShares.cooperativeId))
    .where(eq(ptriShares.ptriId, ptriId))
    .orderBy(cooperatives.name)
    .all();
}

/** Shares the draft with each cooperative not yet sharing it; returns those newly added. */
export function addShares(db: Queryable, ptriId: number, cooperativeIds: readonly number[], sharedBy: number): number[] {
  return cooperativeIds.filter(
    (cooperativeId) => db.insert(ptriShares).values({ ptriId, cooperativeId, sharedBy }).onConflictDoNothing().run().changes > 0,
  );
}

/**
 * A page of the drafts shared with a cooperative, newest first, read from ptri_shares_coop_idx
 * (never a scan of the projects for the few drafts among them); `visible` is the caller's scope.
 */
export function sharedDraftsOf(db: Queryable, cooperativeId: number, visible: SQL | undefined, beforeId: number | null, limit: number) {
  return db
    .select({ ptri: ptris, personName: sql<string>`${persons.familyName} || ' ' || ${persons.givenName}` })
    .from(ptriShares)
    .innerJoin(ptris, eq(ptris.id, ptriShares.ptriId))
    .innerJoin(persons, eq(persons.id, ptris.personId))
    .where(
      and(
        eq(ptriShares.cooperativeId, cooperativeId),
        eq(ptris.status, 'draft'),
        visible,
        beforeId === null ? undefined : lt(ptriShares.ptriId, beforeId),
      ),
    )
    .orderBy(desc(ptriShares.ptriId))
    .limit(limit + 1)
    .all();
}

export function isSharedWith(db: Queryable, ptriId: number, cooperativeId: number): boolean {
  return (
    db
      .select({ one: sql`1` })
      .from(ptriShares)
      .where(and(eq(ptriShares.ptriId, ptriId), eq(ptriShares.cooperativeId, cooperativeId)))
      .get() !== undefined
  );
}

export function insertProposal(db: Queryable, values: typeof ptriProposals.$inferInsert): ProposalRow {
  return db.insert(ptriProposals).values(values).returning().get();
}

export function proposalOf(db: Queryable, ptriId: number, proposalId: number): ProposalRow | undefined {
  return db
    .select()
    .from(ptriProposals)
    .where(and(eq(ptriProposals.id, proposalId), eq(ptriProposals.ptriId, ptriId)))
    .get();
}

/** Records the decision on a proposal still open; false when someone decided it first. */
export function decideProposal(
  db: Queryable,
  id: number,
  values: Pick<ProposalRow, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'appliedVersion'>,
): boolean {
  return (
    db
      .update(ptriProposals)
      .set(values)
      .where(and(eq(ptriProposals.id, id), eq(ptriProposals.status, 'open')))
      .run().changes === 1
  );
}

/** The saved version of the project that applied a proposal names it: the change is the cooperative's and the case manager's. */
export function attributeRevision(db: Queryable, ptriId: number, version: number, proposalId: number) {
  db.update(ptriRevisions)
    .set({ proposalId })
    .where(and(eq(ptriRevisions.ptriId, ptriId), eq(ptriRevisions.version, version)))
    .run();
}

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

/** A page of a project's proposals, newest first (index on ptri_id, id); one cooperative's only when given. */
export function proposalsOf(db: Queryable, ptriId: number, cooperativeId: number | null, beforeId: number | null, limit: number) {
  return db
    .select({
      proposal: ptriProposals,
      cooperativeName: cooperatives.name,
      proposedByName: proposer.displayName,
      decidedByName: decider.displayName,
    })
    .from(ptriProposals)
    .innerJoin(cooperatives, eq(cooperatives.id, ptriProposals.cooperativeId))
    .leftJoin(proposer, eq(proposer.id, ptriProposals.proposedBy))
    .leftJoin(decider, eq(decider.id, ptriProposals.decidedBy))
    .where(
      and(
        eq(ptriProposals.ptriId, ptriId),
        cooperativeId === null ? undefined : eq(ptriProposals.cooperativeId, cooperativeId),
        beforeId === null ? undefined : lt(ptriProposals.id, beforeId),
      ),
    )
    .orderBy(desc(ptriProposals.id))
    .limit(limit + 1)
    .all();
}

export function cooperativeName(db: Queryable, id: number): string {
  return db.select({ name: cooperatives.name }).from(cooperatives).where(eq(cooperatives.id, id)).get()?.name ?? '';
}

export function userName(db: Queryable, id: number): string | null {
  return db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).get()?.name ?? null;
}
