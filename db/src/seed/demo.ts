// The demo data set: accounts, persons and their projects, reproducible from a fixed seed and
// a fixed "today" (see dates.ts). The Lot 1 yearly counts equal the published 2024 and 2025 tables.
import { hash } from '@node-rs/argon2';
import type { Db } from '../connection.ts';
import { DEMO_PASSWORD, caseManagerUsername, demoAccounts, uvmUsername } from './accounts.ts';
import { birthDateFor, timestampOn } from './dates.ts';
import { personFactory, type Sex } from './people.ts';
import { planPeople, type PlannedPerson } from './plan.ts';
import { createRandom, type Random } from './random.ts';
import { CURRENT_TENDER, DEMO_COOPERATIVE, LOTS, PREVIOUS_TENDER, SERVICES, type ServiceSeed } from './reference-data.ts';
import { seedTenderLots } from './reference.ts';
import { pendingProject, projectsOfEpisode, renewalDraft, type ProjectPlan } from './timeline.ts';
import { projectWriter, type ProjectContext } from './writer.ts';
import { seedInterventions } from './interventions.ts';
import { seedFlats } from './flats.ts';
import { seedCommunityActivities } from './community.ts';
import { seedBenefits } from './benefits.ts';
import { seedCoDesign } from './co-design.ts';
import { seedResources } from './resources.ts';

const SEED = 20261115;

export interface DemoSummary {
  users: number;
  persons: number;
  ptris: number;
  evaluations: number;
}

type IdMap = Map<string, number>;

function idsBy(db: Db, sql: string): IdMap {
  return new Map((db.$client.prepare(sql).all() as { key: string | number; id: number }[]).map((row) => [String(row.key), row.id]));
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo data: missing ${what}; seed the reference data first`);
  return value;
}

/** The projects of one person, oldest first: care episodes, then a draft renewal or a pending project. */
function projectsOf(random: Random, person: PlannedPerson): ProjectPlan[] {
  const projects = person.episodes.flatMap((episode) => projectsOfEpisode(random, episode));
  const last = projects[projects.length - 1];
  const renewal = last ? renewalDraft(random, last) : null;
  if (renewal) projects.push(renewal);
  return [...projects, ...person.pending.map((pending) => pendingProject(random, pending))];
}

/** The person's cooperatives on a lot: the demo cooperative is often one of them in Lot 1. */
function cooperativesFor(random: Random, lot: number, service: ServiceSeed, lotCooperatives: readonly string[]): string[] {
  if (lot === 3) return ['Coop. Soc. Il Tetto (demo)'];
  const demoShare = service.district === 'BOLOGNA' ? 0.45 : 0.2;
  const first = lot === 1 && random.chance(demoShare) ? DEMO_COOPERATIVE : random.pick(lotCooperatives);
  const second = random.chance(0.3) ? random.pick(lotCooperatives.filter((name) => name !== first)) : null;
  return second ? [first, second] : [first];
}

export async function seedDemoData(db: Db): Promise<DemoSummary> {
  const accounts = demoAccounts();
  const hashes = await Promise.all(accounts.map(() => hash(DEMO_PASSWORD)));
  const random = createRandom(SEED);
  const people = random.shuffle(planPeople(random));
  const persons = personFactory(random);
  const client = db.$client;
  const districtIds = idsBy(db, 'SELECT code AS key, id FROM districts');
  const serviceIds = idsBy(db, 'SELECT code AS key, id FROM services');
  const cooperativeIds = idsBy(db, 'SELECT name AS key, id FROM cooperatives');
  // Projects begun before the current tender belong to the lots of the previous one.
  seedTenderLots(db, PREVIOUS_TENDER);
  const lotIds = idsBy(db, `SELECT tender_year || ':' || number AS key, id FROM lots`);
  const tenderOf = (startDate: string) => (startDate < CURRENT_TENDER.start ? PREVIOUS_TENDER : CURRENT_TENDER).year;
  const servicesByCode = new Map(SERVICES.map((service) => [service.code, service]));
  const insertUser =
    client.prepare(`INSERT INTO users (username, display_name, password_hash, role, service_id, district_id, cooperative_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertPerson =
    client.prepare(`INSERT INTO persons (fiscal_code, given_name, family_name, search_key, search_key_alt, birth_date, sex,
    district_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPersonService = client.prepare('INSERT OR IGNORE INTO person_services (service_id, person_id) VALUES (?, ?)');
  const writeProject = projectWriter(db);

  client.transaction(() => {
    const users = new Map<string, { id: number; name: string }>();
    accounts.forEach((account, index) => {
      const id = Number(
        insertUser.run(
          account.username,
          account.displayName,
          hashes[index],
          account.role,
          account.serviceCode ? serviceIds.get(account.serviceCode) : null,
          account.districtCode ? districtIds.get(account.districtCode) : null,
          account.cooperativeName ? cooperativeIds.get(account.cooperativeName) : null,
        ).lastInsertRowid,
      );
      users.set(account.username, { id, name: account.displayName.split(' – ')[0] ?? account.displayName });
    });

    for (const planned of people) {
      const service = required(servicesByCode.get(planned.serviceCode), planned.serviceCode);
      const serviceId = required(serviceIds.get(service.code), service.code);
      const projects = projectsOf(random, planned);
      const first = required(projects[0], 'a project');
      const sex: Sex = random.chance(service.kind === 'SerDP' ? 0.75 : 0.5) ? 'M' : 'F';
      const [minAge, maxAge] = service.kind === 'NPIA' ? [12, 17] : [20, 64];
      const person = persons.create(sex, birthDateFor(random, first.startDate, minAge, maxAge));
      const personId = Number(
        insertPerson.run(
          person.fiscalCode,
          person.givenName,
          person.familyName,
          person.searchKey,
          person.searchKeyAlt,
          person.birthDate,
          person.sex,
          required(districtIds.get(service.district), service.district),
          timestampOn(random, first.createdOn),
        ).lastInsertRowid,
      );
      insertPersonService.run(serviceId, personId);
      const cooperativesByLot = new Map<number, ProjectContext['cooperatives']>();
      for (const project of projects) {
        const lot = required(
          LOTS.find((candidate) => candidate.number === project.lot),
          `lot ${project.lot}`,
        );
        let cooperatives = cooperativesByLot.get(lot.number);
        if (!cooperatives) {
          cooperatives = cooperativesFor(random, lot.number, service, lot.cooperatives).map((name) => ({
            id: required(cooperativeIds.get(name), name),
            name,
          }));
          cooperativesByLot.set(lot.number, cooperatives);
        }
        writeProject(random, project, {
          personId,
          personName: `${person.givenName} ${person.familyName}`,
          serviceId,
          isNpia: service.kind === 'NPIA',
          lotId: required(lotIds.get(`${tenderOf(project.startDate)}:${lot.number}`), `lot ${lot.number}`),
          rateCents: lot.hourlyRateCents,
          caseManager: required(users.get(caseManagerUsername(service.code)), 'case manager'),
          uvmId: required(users.get(uvmUsername(service.district)), 'UVM account').id,
          cooperatives,
        });
      }
    }
  })();
  seedInterventions(db);
  seedFlats(db);
  seedCommunityActivities(db);
  seedBenefits(db);
  seedCoDesign(db);
  seedResources(db);

  const count = (table: string): number => (client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { users: count('users'), persons: count('persons'), ptris: count('ptris'), evaluations: count('evaluations') };
}
