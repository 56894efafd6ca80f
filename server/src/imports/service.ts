// The caseload import: a spreadsheet of projects checked row by row against the registry (a dry
// run answers what would happen), then written all or nothing; the same file again adds nothing.
// Both run as a bulk write (write-gate.ts): the connection alone, the event loop given back between
// slices of rows, and never inside another request's open transaction.
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '@bds/db';
import { formatDate, type CaseloadImportReply, type CaseloadRowError, type ServiceKind } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { auditRead } from '../audit/group-commit.ts';
import { Forbidden, Invalid, InvalidRows } from '../errors.ts';
import { identityMismatch, searchKeys } from '../persons/service.ts';
import { insertRevision, type PtriRow } from '../ptri/queries.ts';
import { snapshotOf } from '../ptri/snapshot.ts';
import { allCooperatives, allDistricts, allLots, allServices } from '../reference/queries.ts';
import { lotInForce } from '../reference/lot-in-force.ts';
import { sliceOf, writeGateOf } from '../write-gate.ts';
import { readSheet } from './file.ts';
import { mapHeader, readRow, type CaseloadRow } from './rows.ts';
import * as q from './queries.ts';

const MAX_LISTED_ERRORS = 5000;

/**
 * Rows checked, and persons or projects written, per turn of the event loop: a few tens of
 * milliseconds each on tier L, where a project's first writes read cold index pages; tests lower them.
 */
export const importTurns = { checked: 250, written: 25 };
const IDENTITY_COLUMNS = { familyName: 'cognome', givenName: 'nome', birthDate: 'data_nascita' } as const;

/** Spellings compared without case, accents or punctuation: "Csm Navile" is "CSM-NAVILE". */
function spellingKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** A row whose references all resolved: ready to become a project. */
interface ResolvedRow extends CaseloadRow {
  serviceId: number;
  districtId: number;
  lotId: number;
  cooperativeIds: number[];
  caseManagerId: number | null;
}

interface Plan {
  reply: Omit<CaseloadImportReply, 'dryRun' | 'message' | 'importId'>;
  /** Every person of the file by codice fiscale: the registered one's id, or the row that registers them. */
  persons: Map<string, { id: number | null; first: CaseloadRow; rows: number[] }>;
  newProjects: ResolvedRow[];
}

function referenceOf(db: Queryable) {
  const services = new Map<string, { id: number; kind: ServiceKind }>();
  for (const service of allServices(db)) {
    for (const spelling of [service.name, service.code, ...service.aliases])
      services.set(spellingKey(spelling), { id: service.id, kind: service.kind });
  }
  const districts = new Map<string, number>();
  for (const district of allDistricts(db))
    for (const spelling of [district.name, district.code]) districts.set(spellingKey(spelling), district.id);
  const cooperatives = new Map<string, number>();
  for (const cooperative of allCooperatives(db)) {
    cooperatives.set(spellingKey(cooperative.name), cooperative.id);
    if (cooperative.vatNumber) cooperatives.set(spellingKey(cooperative.vatNumber), cooperative.id);
  }
  const caseManagers = new Map(q.activeCaseManagers(db).map((user) => [user.username.toLowerCase(), user]));
  return { services, districts, cooperatives, caseManagers, lots: allLots(db) };
}

/** Counts the rows of each spelling, in the order the file first names it. */
function tally<T>(entries: Map<string, { value: T; rows: number[] }>, spelling: string, value: T, row: number) {
  const entry = entries.get(spelling) ?? { value, rows: [] };
  entry.rows.push(row);
  entries.set(spelling, entry);
}

/**
 * Keys looked up a batch a statement, a turn between statements: the projects of the 13,000 persons
 * of a 20,000-row file took 1.25 s in one piece on tier M.
 */
async function lookedUpInTurns<K, R>(keys: K[], batch: (keys: K[]) => R[], turn: () => Promise<void>): Promise<R[]> {
  const found: R[] = [];
  for (let at = 0; at < keys.length; at += q.LOOKUP_BATCH) {
    if (at > 0) await turn();
    found.push(...batch(keys.slice(at, at + q.LOOKUP_BATCH)));
  }
  return found;
}

async function planImport(db: Queryable, header: string[], records: string[][], day: string, turn: () => Promise<void>): Promise<Plan> {
  const columns = mapHeader(header);
  if (!columns.ok) throw new Invalid('file', columns.message);
  const ref = referenceOf(db);

  const errors: CaseloadRowError[] = [];
  const bad = (row: number, field: string, message: string) => errors.push({ row, field, message });
  const rows: CaseloadRow[] = [];
  const readSlice = sliceOf(importTurns.checked);
  for (const [i, record] of records.entries()) {
    const row = readRow(record, i + 2, columns.index, day, errors);
    if (row) rows.push(row);
    if (readSlice()) await turn();
  }

  const lookUp = <K, R>(keys: K[], batch: (keys: K[]) => R[]) => lookedUpInTurns(keys, batch, turn);
  const registered = new Map(
    (await lookUp([...new Set(rows.map((row) => row.fiscalCode))], (codes) => q.personsByFiscalCode(db, codes))).map((person) => [
      person.fiscalCode,
      person,
    ]),
  );
  const projectKey = (personId: number | string, lotNumber: number, startDate: string) => `${personId}|${lotNumber}|${startDate}`;
  const existingProjects = new Set(
    (
      await lookUp(
        [...registered.values()].map((p) => p.id),
        (ids) => q.projectKeysOf(db, ids),
      )
    ).map((p) => projectKey(p.personId, p.lotNumber, p.startDate)),
  );

  const services = new Map<string, { value: number | undefined; rows: number[] }>();
  const cooperatives = new Map<string, { value: number | undefined; rows: number[] }>();
  const caseManagers = new Map<string, { value: number | undefined; rows: number[] }>();
  const persons: Plan['persons'] = new Map();
  const seenProjects = new Map<string, number>();
  const newProjects: ResolvedRow[] = [];
  let present = 0;

  const checkSlice = sliceOf(importTurns.checked);
  for (const row of rows) {
    if (checkSlice()) await turn();
    const before = errors.length;
    const service = ref.services.get(spellingKey(row.service));
    tally(services, row.service, service?.id, row.row);
    if (!service) bad(row.row, 'servizio', `servizio sconosciuto: «${row.service}»; associarlo a un servizio come nuova denominazione`);
    const districtId = ref.districts.get(spellingKey(row.district));
    if (districtId === undefined) bad(row.row, 'distretto', `distretto sconosciuto: «${row.district}»`);
    const lot = lotInForce(ref.lots, row.lotNumber, row.startDate);
    if (!lot) bad(row.row, 'lotto', `nessun lotto ${row.lotNumber} registrato`);
    else if (service && !lot.serviceKinds.includes(service.kind))
      bad(row.row, 'lotto', `il lotto ${lot.number} non comprende i servizi di tipo ${service.kind}`);
    const cooperativeIds: number[] = [];
    for (const spelling of row.cooperatives) {
      const id = ref.cooperatives.get(spellingKey(spelling));
      tally(cooperatives, spelling, id, row.row);
      if (id === undefined) bad(row.row, 'cooperative', `cooperativa sconosciuta: «${spelling}»`);
      else if (lot && !lot.cooperativeIds.includes(id)) bad(row.row, 'cooperative', `«${spelling}» non fa parte del lotto ${lot.number}`);
      else if (cooperativeIds.includes(id)) bad(row.row, 'cooperative', `«${spelling}» ripetuta`);
      else cooperativeIds.push(id);
    }
    let caseManagerId: number | null = null;
    if (row.caseManager) {
      const user = ref.caseManagers.get(row.caseManager.toLowerCase());
      tally(caseManagers, row.caseManager, user?.id, row.row);
      if (!user) bad(row.row, 'case_manager', `nessun case manager attivo con nome utente «${row.caseManager}»`);
      else if (service && user.serviceId !== service.id)
        bad(row.row, 'case_manager', `«${row.caseManager}» non è case manager del servizio`);
      else caseManagerId = user.id;
    }

    // The person: the registered one must be the same, and so must every row of the file naming them.
    const person = registered.get(row.fiscalCode);
    const known = persons.get(row.fiscalCode);
    const against = person ?? known?.first;
    const mismatch = against ? identityMismatch(against, row) : null;
    if (mismatch) {
      const whose = person
        ? 'della persona già registrata con questo codice fiscale'
        : `della riga ${known?.first.row} con lo stesso codice fiscale`;
      bad(row.row, IDENTITY_COLUMNS[mismatch], `diverso da quello ${whose}`);
    } else if (!person && known && (known.first.sex !== row.sex || known.first.district !== row.district)) {
      bad(
        row.row,
        known.first.sex !== row.sex ? 'sesso' : 'distretto',
        `diverso da quello della riga ${known.first.row} con lo stesso codice fiscale`,
      );
    }

    const key = projectKey(person?.id ?? row.fiscalCode, row.lotNumber, row.startDate);
    const duplicateOf = seenProjects.get(key);
    if (duplicateOf !== undefined)
      bad(row.row, 'data_inizio', `stesso progetto della riga ${duplicateOf} (codice fiscale, lotto e data di inizio)`);
    seenProjects.set(key, row.row);
    if (errors.length > before) continue;

    const entry = known ?? { id: person?.id ?? null, first: row, rows: [] };
    entry.rows.push(row.row);
    persons.set(row.fiscalCode, entry);
    if (existingProjects.has(key)) present += 1;
    else if (service && districtId !== undefined && lot)
      newProjects.push({ ...row, serviceId: service.id, districtId, lotId: lot.id, cooperativeIds, caseManagerId });
  }

  const listed = <T>(entries: Map<string, { value: T; rows: number[] }>) =>
    [...entries].map(([spelling, { value, rows }]) => ({ spelling, value, rows }));
  const personsFound = [...persons.values()];
  return {
    reply: {
      rows: records.length,
      persons: { new: personsFound.filter((p) => p.id === null).length, matched: personsFound.filter((p) => p.id !== null).length },
      projects: { new: newProjects.length, present },
      services: listed(services).map(({ spelling, value, rows }) => ({
        spelling,
        ...(value === undefined ? {} : { serviceId: value }),
        rows,
      })),
      cooperatives: listed(cooperatives).map(({ spelling, value, rows }) => ({
        spelling,
        ...(value === undefined ? {} : { cooperativeId: value }),
        rows: rows.length,
      })),
      caseManagers: listed(caseManagers).map(({ spelling, value, rows }) => ({
        username: spelling,
        ...(value === undefined ? {} : { userId: value }),
        rows: rows.length,
      })),
      errors: errors.sort((a, b) => a.row - b.row).slice(0, MAX_LISTED_ERRORS),
    },
    persons,
    newProjects,
  };
}

function summaryMessage(dryRun: boolean, plan: Plan): string {
  const { persons, projects, errors } = plan.reply;
  const counted = (n: number, one: string, many: string) => `${n.toLocaleString('it-IT')} ${n === 1 ? one : many}`;
  if (errors.length)
    return `${counted(errors.length, 'errore', 'errori')} da correggere: nessun progetto ${dryRun ? 'sarà' : 'è stato'} importato`;
  if (projects.new === 0)
    return `Nessun progetto nuovo: ${counted(projects.present, 'progetto del file già presente', 'progetti del file già presenti')}`;
  const news = `${counted(projects.new, 'progetto nuovo', 'progetti nuovi')} (${counted(persons.new, 'persona nuova', 'persone nuove')}, ${counted(persons.matched, 'già registrata', 'già registrate')})`;
  return `${dryRun ? 'Da importare' : 'Importati'}: ${news}; ${counted(projects.present, 'già presente', 'già presenti')}`;
}

export interface ImportRequest {
  dryRun: boolean;
  fileName?: string;
}

/** A file read into its rows, with what the audit names it by. */
export interface ImportSource {
  header: string[];
  rows: string[][];
  fileName: string;
  sha256: string;
}

export async function readImportFile(file: Buffer, fileName: string | undefined): Promise<ImportSource> {
  // Hashed first: reading an .xlsx hands the file's memory to the worker.
  const sha256 = createHash('sha256').update(file).digest('hex');
  const table = await readSheet(file);
  if (!table.ok) throw new Invalid('file', table.message);
  return { header: table.header, rows: table.rows, fileName: fileName ?? `file ${sha256.slice(0, 12)}`, sha256 };
}

export async function importCaseload(db: Db, actor: Actor, file: Buffer, request: ImportRequest): Promise<CaseloadImportReply> {
  if (actor.user.role !== 'admin') throw new Forbidden("Solo l'amministratore importa i carichi");
  const source = await readImportFile(file, request.fileName);
  const gate = writeGateOf(db);
  if (request.dryRun) {
    const plan = await gate.transaction(db, (turn) => planImport(db, source.header, source.rows, actor.today, turn));
    await auditRead(db, actor, {
      action: 'read',
      entity: 'caseload_import',
      changes: { fileName: source.fileName, sha256: source.sha256, dryRun: true, rows: plan.reply.rows },
    });
    return { dryRun: true, ...plan.reply, message: summaryMessage(true, plan) };
  }
  return gate.transaction(db, (turn) => storeImport(db, actor, source, turn));
}

/** The real run, inside the caller's transaction on the connection alone, awaiting `turn` between slices. */
export async function storeImport(db: Db, actor: Actor, source: ImportSource, turn: () => Promise<void>): Promise<CaseloadImportReply> {
  const { fileName, sha256 } = source;
  const plan = await planImport(db, source.header, source.rows, actor.today, turn);
  if (plan.reply.errors.length) throw new InvalidRows(plan.reply.errors, 'nessun progetto importato');
  const earlier = q.importByHash(db, sha256);
  const imported = plan.newProjects.length === 0 ? null : await writeImport(db, actor, plan, fileName, sha256, turn);
  recordAudit(db, actor, {
    action: 'create',
    entity: 'caseload_import',
    entityId: imported?.id ?? null,
    changes: { fileName, sha256, rows: plan.reply.rows, persons: plan.reply.persons, projects: plan.reply.projects },
  });
  const auditSlice = sliceOf(importTurns.checked);
  for (const [fiscalCode, person] of plan.persons) {
    if (auditSlice()) await turn();
    const personId = person.id ?? imported?.personIds.get(fiscalCode) ?? null;
    const created = person.id === null;
    const ptriIds = imported?.ptriIdsByPerson.get(fiscalCode) ?? [];
    const action = created ? 'create' : ptriIds.length ? 'update' : 'read';
    recordAudit(db, actor, {
      action,
      entity: 'caseload_import',
      entityId: imported?.id ?? null,
      personId,
      changes: { fileName, sha256, created, rows: person.rows, ptriIds },
    });
  }
  const again = earlier && !imported ? ` (file già importato il ${formatDate(earlier.createdAt)})` : '';
  return { dryRun: false, ...plan.reply, ...(imported ? { importId: imported.id } : {}), message: summaryMessage(false, plan) + again };
}

/** Registers the new persons and writes the new projects, each with its source row in its history. */
async function writeImport(db: Db, actor: Actor, plan: Plan, fileName: string, sha256: string, turn: () => Promise<void>) {
  const record = q.insertImport(db, {
    fileName,
    sha256,
    rowCount: plan.reply.rows,
    personsCreated: plan.reply.persons.new,
    projectsCreated: plan.newProjects.length,
    importedBy: actor.user.id,
  });
  const write = q.importWriter(db);
  const districtOf = new Map(plan.newProjects.map((row) => [row.fiscalCode, row.districtId]));
  const personIds = new Map<string, number>();
  const personSlice = sliceOf(importTurns.written);
  for (const [fiscalCode, person] of plan.persons) {
    if (personSlice()) await turn();
    const districtId = districtOf.get(fiscalCode);
    if (person.id !== null) personIds.set(fiscalCode, person.id);
    else if (districtId !== undefined) {
      const { givenName, familyName, birthDate, sex } = person.first;
      personIds.set(
        fiscalCode,
        write.person({ fiscalCode, givenName, familyName, birthDate, sex, districtId, ...searchKeys(givenName, familyName) }),
      );
    }
  }
  const ptriIdsByPerson = new Map<string, number[]>();
  const at = new Date().toISOString();
  const projectSlice = sliceOf(importTurns.written);
  for (const row of plan.newProjects) {
    if (projectSlice()) await turn();
    const personId = personIds.get(row.fiscalCode);
    if (personId === undefined) throw new Error(`import: person of row ${row.row} not registered`);
    // Imported as it stands in the service's spreadsheet: in care from its start date, without
    // an invented UVM evaluation; imported_ptris marks it as the lifecycle's one exception.
    const project = {
      personId,
      serviceId: row.serviceId,
      lotId: row.lotId,
      caseManagerId: row.caseManagerId,
      status: row.status,
      intensity: row.intensity,
      startDate: row.startDate,
      endDate: row.endDate,
      activatedOn: row.startDate,
      endedOn: row.closedOn,
    };
    const id = write.project({ ...project, at }, row.goals, row.cooperativeIds, record.id, row.row);
    const stored: PtriRow = {
      ...project,
      id,
      nextReviewDate: null,
      notes: null,
      renewsPtriId: null,
      version: 1,
      revision: 1,
      personSignedRevision: null,
      openGoalsHabitat: 0,
      openGoalsSociality: 0,
      openGoalsWork: 0,
      createdAt: at,
      updatedAt: at,
    };
    insertRevision(db, {
      ptriId: id,
      version: 1,
      snapshot: snapshotOf(db, stored),
      changes: null,
      reason: `Importato dal file «${fileName}», riga ${row.row}`,
      userId: actor.user.id,
    });
    ptriIdsByPerson.set(row.fiscalCode, [...(ptriIdsByPerson.get(row.fiscalCode) ?? []), id]);
  }
  return { id: record.id, personIds, ptriIdsByPerson };
}
