// Who sees what: the one place where a signed-in user becomes SQL conditions, the cache key they
// belong to and the fields the role receives. Every service asks `policyOf`; nothing else writes
// a scope condition, and a condition never travels without its key.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { schema } from '@bds/db';
import { FIELD_ACCESS, type FieldTable, type Role } from '@bds/shared';
import type { Principal } from '../auth/principal.ts';
import { Forbidden } from '../errors.ts';

const { ptris, persons, personServices, services, ptriCooperatives, ptriShares, interventions, flats, flatStays } = schema;

/** The rows a query may read, and the key a query prepared with these conditions is cached under. */
export interface RowScope {
  readonly key: string;
  readonly persons: SQL | undefined;
  readonly ptris: SQL | undefined;
  readonly interventions: SQL | undefined;
}

/** Whose figures a report adds up: one service's, one cooperative's, or (both null) every one. */
export interface ReportScope {
  serviceId: number | null;
  cooperativeId: number | null;
}

export interface AccessPolicy extends RowScope {
  readonly role: Role;
  /** The one service whose persons the user sees, when the scope is exactly that (a case manager's). */
  readonly personsService: number | undefined;
  /**
   * Searching by codice fiscale is for roles that receive it: a search that answers "found" to a
   * prefix would otherwise let the code, and the birth date and sex it encodes, be guessed.
   */
  readonly searchesByFiscalCode: boolean;
  /** Which fields of each object the role receives (`FIELD_ACCESS` in @bds/shared). */
  readonly fields: FieldTable;
  /**
   * Condition on a per-service summary's service column, undefined when every service is seen.
   * A scope finer than a service (a cooperative's projects) cannot be answered from a summary
   * kept per service, so it is refused rather than widened.
   */
  services(column: SQLiteColumn): SQL | undefined;
  /** Whose figures the user's reports add up; refused to roles whose work has no report. */
  reports(): ReportScope;
  /** The Lot 3 flats the user sees: a cooperative its own, everyone else every flat (free places are for all). */
  readonly flats: SQL | undefined;
  /**
   * The stays (flat_stays rows) whose person the user may name: managers every one, a case
   * manager their service's residents, a cooperative the residents of its flats, no one else.
   */
  readonly stayPersons: SQL | undefined;
  /** What the user sees of a Lot 4 community activity run by `cooperativeId`. */
  communityActivity(cooperativeId: number): CommunityActivityView;
  /**
   * Whose proposals on a draft the user reads: a cooperative only its own (another cooperative's
   * are its business with the case manager), everyone else every one (null).
   */
  readonly proposalsOf: number | null;
}

/**
 * A community activity as a user sees it. The activity's own cooperative sees the names of every
 * person enrolled (and nothing else of them); another cooperative none; the other roles those of
 * the projects in their scope.
 */
export interface CommunityActivityView {
  /** Condition on `ptris` for the enrolled persons and attendees the user sees; undefined for all. */
  readonly persons: SQL | undefined;
  /** Changes the activity and records its sessions: its cooperative, and the admin (who records no session). */
  readonly runs: boolean;
  /** Receives the sessions' own notes: who runs it, and the department that pays for it. */
  readonly sessionNotes: boolean;
}

/** Every row, for reads the service has already scoped another way (the project of an intervention it owns). */
export const EVERY_ROW: RowScope = { key: 'every-row', persons: undefined, ptris: undefined, interventions: undefined };

const NOTHING = sql`0`;
const exists = (subquery: SQL): SQL => sql`EXISTS (${subquery})`;

interface Conditions {
  scope: string;
  persons: SQL | undefined;
  ptris: SQL | undefined;
  interventions: SQL | undefined;
  reports: ReportScope | null;
  flats?: SQL;
  stayPersons?: SQL;
}

function conditionsOf(user: Principal): Conditions {
  switch (user.role) {
    case 'admin':
    case 'manager':
      return {
        scope: 'all',
        persons: undefined,
        ptris: undefined,
        interventions: undefined,
        reports: { serviceId: null, cooperativeId: null },
      };
    case 'case_manager': {
      const id = user.serviceId;
      if (!id) return { scope: 'service:0', persons: NOTHING, ptris: NOTHING, interventions: NOTHING, reports: null, stayPersons: NOTHING };
      return {
        scope: `service:${id}`,
        persons: exists(
          sql`SELECT 1 FROM ${personServices} WHERE ${personServices.serviceId} = ${id} AND ${personServices.personId} = ${persons.id}`,
        ),
        ptris: eq(ptris.serviceId, id),
        interventions: eq(interventions.serviceId, id),
        reports: { serviceId: id, cooperativeId: null },
        stayPersons: eq(flatStays.serviceId, id),
      };
    }
    case 'uvm': {
      const id = user.districtId;
      if (!id)
        return { scope: 'district:0', persons: NOTHING, ptris: NOTHING, interventions: NOTHING, reports: null, stayPersons: NOTHING };
      const districtServices = sql`SELECT ${services.id} FROM ${services} WHERE ${services.districtId} = ${id}`;
      return {
        scope: `district:${id}`,
        persons: exists(
          sql`SELECT 1 FROM ${personServices} JOIN ${services} ON ${services.id} = ${personServices.serviceId} WHERE ${personServices.personId} = ${persons.id} AND ${services.districtId} = ${id}`,
        ),
        ptris: sql`${ptris.serviceId} IN (${districtServices})`,
        interventions: sql`${interventions.serviceId} IN (${districtServices})`,
        reports: null,
        stayPersons: NOTHING,
      };
    }
    case 'social_worker': {
      // The municipality's social services: the persons living in the district (their residence,
      // `persons.district_id`) and their projects, whichever service runs them. No report.
      const id = user.districtId;
      if (!id) return { scope: 'residence:0', persons: NOTHING, ptris: NOTHING, interventions: NOTHING, reports: null };
      return {
        scope: `residence:${id}`,
        persons: eq(persons.districtId, id),
        // Correlated on the person's primary key: a list in id order stops at its page, never
        // gathering every resident of the district first.
        ptris: exists(sql`SELECT 1 FROM persons AS residence WHERE residence.id = ${ptris.personId} AND residence.district_id = ${id}`),
        interventions: NOTHING,
        reports: null,
      };
    }
    case 'cooperative': {
      const id = user.cooperativeId;
      if (!id)
        return {
          scope: 'cooperative:0',
          persons: NOTHING,
          ptris: NOTHING,
          interventions: NOTHING,
          reports: null,
          flats: NOTHING,
          stayPersons: NOTHING,
        };
      // A cooperative sees the projects assigned to it once they leave the case manager's drafts,
      // and a draft its case manager shared with it to co-design it (ptri_shares, issue 18).
      const pastDraftOrShared = sql`(${ptris.status} <> 'draft' OR EXISTS (SELECT 1 FROM ${ptriShares} WHERE ${ptriShares.ptriId} = ${ptris.id} AND ${ptriShares.cooperativeId} = ${id}))`;
      return {
        scope: `cooperative:${id}`,
        persons: exists(
          sql`SELECT 1 FROM ${ptris} JOIN ${ptriCooperatives} ON ${ptriCooperatives.ptriId} = ${ptris.id} WHERE ${ptris.personId} = ${persons.id} AND ${ptriCooperatives.cooperativeId} = ${id} AND ${pastDraftOrShared}`,
        ),
        ptris: and(
          pastDraftOrShared,
          exists(
            sql`SELECT 1 FROM ${ptriCooperatives} WHERE ${ptriCooperatives.ptriId} = ${ptris.id} AND ${ptriCooperatives.cooperativeId} = ${id}`,
          ),
        ),
        interventions: eq(interventions.cooperativeId, id),
        reports: { serviceId: null, cooperativeId: id },
        flats: eq(flats.cooperativeId, id),
        stayPersons: sql`${flatStays.flatId} IN (SELECT ${flats.id} FROM ${flats} WHERE ${flats.cooperativeId} = ${id})`,
      };
    }
  }
}

function buildPolicy(user: Principal): AccessPolicy {
  const c = conditionsOf(user);
  const { role } = user;
  const fields = FIELD_ACCESS[role];
  const visiblePtris = c.ptris;
  return {
    role,
    // The role is part of the key: the fields a prepared query writes follow the role.
    key: `${role}:${c.scope}`,
    persons: c.persons,
    ptris: c.ptris,
    interventions: c.interventions,
    flats: c.flats,
    stayPersons: c.stayPersons,
    personsService: role === 'case_manager' && user.serviceId ? user.serviceId : undefined,
    searchesByFiscalCode: fields.person.fiscalCode,
    fields,
    services(column) {
      if (role === 'cooperative' || role === 'social_worker') throw new Forbidden();
      // The derived table is named ptris so that the project condition's "ptris"."service_id" reads the service.
      return (
        visiblePtris &&
        sql`${column} IN (SELECT ptris.service_id FROM (SELECT id AS service_id FROM services) AS ptris WHERE ${visiblePtris})`
      );
    },
    reports() {
      if (!c.reports) throw new Forbidden();
      return c.reports;
    },
    proposalsOf: role === 'cooperative' ? (user.cooperativeId ?? 0) : null,
    communityActivity(cooperativeId) {
      if (role === 'cooperative') {
        const own = user.cooperativeId === cooperativeId;
        return { persons: own ? undefined : NOTHING, runs: own, sessionNotes: own };
      }
      return { persons: visiblePtris, runs: role === 'admin', sessionNotes: role === 'admin' || role === 'manager' };
    },
  };
}

/** Policies are values of the scope alone: one per scope, built once. */
const policies = new Map<string, AccessPolicy>();
const MAX_POLICIES = 10_000;

export function policyOf(user: Principal): AccessPolicy {
  const id = `${user.role}|${user.serviceId ?? 0}|${user.districtId ?? 0}|${user.cooperativeId ?? 0}`;
  let policy = policies.get(id);
  if (!policy) {
    policy = buildPolicy(user);
    if (policies.size >= MAX_POLICIES) policies.delete(policies.keys().next().value!);
    policies.set(id, policy);
  }
  return policy;
}
