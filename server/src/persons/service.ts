// Persons: registration (codice fiscale unique), search and reading within the caller's scope.
import type { PersonDetail, Person, createPersonBody, ListPage } from '@bds/shared';
import type { z } from 'zod';
import type { Db } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { auditRead } from '../audit/group-commit.ts';
import { Conflict, Forbidden, NotFound, Invalid } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { jsonListReply, type JsonText } from '../sql-json.ts';
import { EVERY_ROW, policyOf, type AccessPolicy } from '../access/policy.ts';
import { receivedOnly } from '../access/fields.ts';
import { referenceExists } from '../reference/queries.ts';
import * as q from './queries.ts';

type PersonRow = NonNullable<ReturnType<typeof q.personById>>;

export function searchKeys(givenName: string, familyName: string) {
  const clean = (s: string) => s.toLocaleLowerCase('it').replace(/\s+/g, ' ').trim();
  return { searchKey: clean(`${familyName} ${givenName}`), searchKeyAlt: clean(`${givenName} ${familyName}`) };
}

type PersonColumns = Pick<PersonRow, 'id' | 'givenName' | 'familyName' | 'districtId' | 'fiscalCode' | 'birthDate' | 'sex'>;

function personOf(row: PersonColumns): Person {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    districtId: row.districtId,
    fiscalCode: row.fiscalCode,
    birthDate: row.birthDate,
    sex: row.sex,
  };
}

/** What the viewer's role receives of a person (a search writes the same keys in SQL: `jsonFor` in queries.ts). */
export function toPerson(row: PersonColumns, policy: AccessPolicy): Person {
  return receivedOnly(policy, 'person', personOf(row));
}

type Identity = Pick<PersonRow, 'familyName' | 'givenName' | 'birthDate'>;

/** The first part of the identity given that contradicts the registered person's, or null when it matches. */
export function identityMismatch(row: Identity, given: Identity): keyof Identity | null {
  const norm = (s: string) => s.toLocaleLowerCase('it').trim();
  if (norm(row.familyName) !== norm(given.familyName)) return 'familyName';
  if (norm(row.givenName) !== norm(given.givenName)) return 'givenName';
  return row.birthDate === given.birthDate ? null : 'birthDate';
}

/**
 * Registers a person new to the department. A codice fiscale already registered is refused with
 * the person's id, since a service takes someone into care only by asking to (`takeIntoCare`);
 * the refusal tells the caller that this person is known, so it is logged against them.
 */
export function registerPerson(db: Db, actor: Actor, body: z.output<typeof createPersonBody>): Person {
  const { user } = actor;
  if (user.role === 'case_manager' && !user.serviceId) throw new Forbidden('Utente senza servizio assegnato');
  if (!referenceExists(db, 'district', body.districtId)) throw new Invalid('districtId', 'distretto inesistente');
  const outcome = db.transaction((tx) => {
    const existing = q.personByFiscalCode(tx, body.fiscalCode);
    if (existing) {
      recordAudit(tx, actor, {
        action: 'registration_refused',
        entity: 'person',
        entityId: existing.id,
        personId: existing.id,
        changes: { fiscalCode: body.fiscalCode },
      });
      return { person: undefined, existingId: existing.id };
    }
    const row = q.insertPerson(tx, { ...body, ...searchKeys(body.givenName, body.familyName) });
    if (user.serviceId) q.linkPersonToService(tx, row.id, user.serviceId);
    recordAudit(tx, actor, { action: 'create', entity: 'person', entityId: row.id, personId: row.id, changes: { after: { ...body } } });
    return { person: toPerson(row, policyOf(user)), existingId: row.id };
  });
  if (outcome.person) return outcome.person;
  const message = `codice fiscale già registrato (persona n. ${outcome.existingId}): per seguirla nel tuo servizio chiedi la presa in carico con una motivazione (POST /api/persons/${outcome.existingId}/take-in-care)`;
  throw new Conflict(`Persona già registrata: ${message}`, [{ path: 'fiscalCode', message }], { personId: outcome.existingId });
}

/**
 * A case manager takes a person already registered by another service into their own: an
 * explicit, reasoned act, logged as such, after which the person is in the service's scope.
 */
export function takeIntoCare(db: Db, actor: Actor, personId: number, reason: string): Person {
  const { user } = actor;
  if (user.role !== 'case_manager' || !user.serviceId)
    throw new Forbidden('Solo un case manager prende in carico una persona nel proprio servizio');
  const serviceId = user.serviceId;
  return db.transaction((tx) => {
    const row = q.personById(tx, personId, EVERY_ROW);
    if (!row) throw new NotFound('Persona non trovata');
    if (q.isInCareOf(tx, personId, serviceId)) throw new Conflict('La persona è già in carico al tuo servizio');
    q.linkPersonToService(tx, personId, serviceId);
    recordAudit(tx, actor, { action: 'take_in_care', entity: 'person', entityId: personId, personId, changes: { serviceId, reason } });
    return toPerson(row, policyOf(user));
  });
}

export async function readPerson(db: Db, actor: Actor, id: number): Promise<PersonDetail> {
  const policy = policyOf(actor.user);
  const row = q.personById(db, id, policy);
  if (!row) throw new NotFound('Persona non trovata');
  const detail = receivedOnly(policy, 'person', Object.assign(personOf(row), { projects: q.projectsOfPerson(db, id, policy) }));
  await auditRead(db, actor, { action: 'read', entity: 'person', entityId: id, personId: id });
  return detail;
}

/** A search text is taken as (part of) a codice fiscale when it is one word with a digit in it. */
function looksLikeFiscalCode(text: string): boolean {
  return /^[A-Za-z]{6}\d[A-Za-z0-9]*$/.test(text);
}

/** A page of the persons found, as the reply's JSON text (written by SQLite, see sql-json.ts). */
export async function searchPersons(
  db: Db,
  actor: Actor,
  query: { q?: string; limit: number; cursor?: string },
): Promise<JsonText<ListPage<Person>>> {
  const text = query.q?.trim() ?? '';
  const policy = policyOf(actor.user);
  const search: q.PersonSearch = !text
    ? { kind: 'all' }
    : looksLikeFiscalCode(text) && policy.searchesByFiscalCode
      ? { kind: 'fiscalCode', prefix: text.toUpperCase() }
      : { kind: 'name', prefix: text.toLocaleLowerCase('it').replace(/\s+/g, ' ') };
  const after = decodeCursor(query.cursor, ['string', 'number']) as [string, number] | null;
  const rows = q.searchPersons(db, search, policy, after, query.limit);
  const result = page(rows, query.limit, (row) => [row.sortKey, row.id]);
  await auditRead(db, actor, {
    action: 'read',
    entity: 'person_search',
    personIds: result.items.map((row) => row.id),
    changes: { q: text || null },
  });
  return jsonListReply<Person>(
    result.items.map((row) => row.json),
    result.nextCursor,
  );
}
