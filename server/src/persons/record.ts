// Everything held about one person (GDPR art. 15 access request), for the admin to hand over.
import { asc, eq, inArray } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { accessLogOfPerson } from '../audit/queries.ts';
import { recordAudit } from '../audit/record.ts';
import { NotFound } from '../errors.ts';

const { persons, personServices, ptris, ptriCooperatives, goals, budgetLines, ptriRevisions, ptriTransitions, evaluations, interventions } =
  schema;

function rowsOfProjects<
  T extends
    typeof goals | typeof budgetLines | typeof ptriRevisions | typeof ptriTransitions | typeof evaluations | typeof ptriCooperatives,
>(db: Queryable, table: T, ptriIds: number[]) {
  if (ptriIds.length === 0) return [];
  return db.select().from(table).where(inArray(table.ptriId, ptriIds)).all();
}

export function personRecord(db: Db, actor: Actor, personId: number) {
  return db.transaction((tx) => {
    const person = tx.select().from(persons).where(eq(persons.id, personId)).get();
    if (!person) throw new NotFound('Persona non trovata');
    const projects = tx.select().from(ptris).where(eq(ptris.personId, personId)).orderBy(asc(ptris.id)).all();
    const ptriIds = projects.map((p) => p.id);
    const record = {
      generatedAt: new Date().toISOString(),
      generatedBy: actor.user.username,
      person,
      services: tx.select().from(personServices).where(eq(personServices.personId, personId)).all(),
      projects,
      assignedCooperatives: rowsOfProjects(tx, ptriCooperatives, ptriIds),
      goals: rowsOfProjects(tx, goals, ptriIds),
      budgetLines: rowsOfProjects(tx, budgetLines, ptriIds),
      revisions: rowsOfProjects(tx, ptriRevisions, ptriIds),
      transitions: rowsOfProjects(tx, ptriTransitions, ptriIds),
      evaluations: rowsOfProjects(tx, evaluations, ptriIds),
      interventions: ptriIds.length
        ? tx.select().from(interventions).where(inArray(interventions.ptriId, ptriIds)).orderBy(asc(interventions.date)).all()
        : [],
      accessLog: accessLogOfPerson(tx, personId),
    };
    recordAudit(tx, actor, { action: 'export', entity: 'person_record', entityId: personId, personId });
    return record;
  });
}
