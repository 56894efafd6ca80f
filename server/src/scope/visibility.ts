// Who may see which projects and persons: the one place where scope becomes SQL. Every
// query that lists or loads projects or persons takes its condition from here.
import { eq, and, sql, type SQL } from 'drizzle-orm';
import { schema } from '@bds/db';
import type { Principal } from '../auth/principal.ts';

const { ptris, persons, personServices, services, ptriCooperatives } = schema;

const NOTHING = sql`0`;

const exists = (subquery: SQL): SQL => sql`EXISTS (${subquery})`;

/**
 * Everything `visiblePtris` and `visiblePersons` depend on, as a short key: a query prepared
 * with a user's scope condition serves every request of the same scope.
 */
export function scopeKey(user: Principal): string {
  switch (user.role) {
    case 'admin':
    case 'manager':
      return 'all';
    case 'case_manager':
      return `service:${user.serviceId ?? 0}`;
    case 'uvm':
      return `district:${user.districtId ?? 0}`;
    case 'cooperative':
      return `cooperative:${user.cooperativeId ?? 0}`;
  }
}

/** Condition on `ptris` rows that the user may see. */
export function visiblePtris(user: Principal): SQL | undefined {
  switch (user.role) {
    case 'admin':
    case 'manager':
      return undefined;
    case 'case_manager':
      return user.serviceId ? eq(ptris.serviceId, user.serviceId) : NOTHING;
    case 'uvm':
      return user.districtId
        ? sql`${ptris.serviceId} IN (SELECT ${services.id} FROM ${services} WHERE ${services.districtId} = ${user.districtId})`
        : NOTHING;
    case 'cooperative':
      // A cooperative sees the projects assigned to it once they leave the case manager's drafts.
      return user.cooperativeId
        ? and(
            sql`${ptris.status} <> 'draft'`,
            exists(sql`SELECT 1 FROM ${ptriCooperatives} WHERE ${ptriCooperatives.ptriId} = ${ptris.id} AND ${ptriCooperatives.cooperativeId} = ${user.cooperativeId}`),
          )
        : NOTHING;
  }
}

/** Condition on `persons` rows that the user may see. */
export function visiblePersons(user: Principal): SQL | undefined {
  switch (user.role) {
    case 'admin':
    case 'manager':
      return undefined;
    case 'case_manager':
      return user.serviceId
        ? exists(sql`SELECT 1 FROM ${personServices} WHERE ${personServices.serviceId} = ${user.serviceId} AND ${personServices.personId} = ${persons.id}`)
        : NOTHING;
    case 'uvm':
      return user.districtId
        ? exists(sql`SELECT 1 FROM ${personServices} JOIN ${services} ON ${services.id} = ${personServices.serviceId} WHERE ${personServices.personId} = ${persons.id} AND ${services.districtId} = ${user.districtId}`)
        : NOTHING;
    case 'cooperative':
      return user.cooperativeId
        ? exists(sql`SELECT 1 FROM ${ptris} JOIN ${ptriCooperatives} ON ${ptriCooperatives.ptriId} = ${ptris.id} WHERE ${ptris.personId} = ${persons.id} AND ${ptriCooperatives.cooperativeId} = ${user.cooperativeId} AND ${ptris.status} <> 'draft'`)
        : NOTHING;
  }
}

/**
 * The one service whose persons the user sees, when the scope is exactly that (a case manager's):
 * a search then reads that service's rows of person_services, which carry the persons' search keys.
 */
export function personsServiceScope(user: Principal): number | undefined {
  return user.role === 'case_manager' && user.serviceId ? user.serviceId : undefined;
}

/** Roles whose work does not need identifying and clinical details (codice fiscale, birth date, scores). */
export function seesClinicalData(user: Principal): boolean {
  return user.role !== 'cooperative';
}

/**
 * Searching by codice fiscale is for roles that may see it: a search that answers "found" to a
 * prefix would otherwise let the code, and the birth date and sex it encodes, be guessed.
 */
export function searchesByFiscalCode(user: Principal): boolean {
  return seesClinicalData(user);
}
