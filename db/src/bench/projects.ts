// Writes the persons and their projects with everything a project carries: cooperatives, goals,
// budget lines, the creation revision, lifecycle transitions and the UVM evaluations.
import type Database from 'better-sqlite3';
import { amountCentsOf, type Axis } from '@bds/shared';
import type { Random } from '../seed/random.ts';
import { personFactory } from '../seed/people.ts';
import { monthText, planProject, type LotRef, type PlannedProject, type ServiceRef } from './plan.ts';
import type { Timer } from './timer.ts';

export interface StoredProject extends PlannedProject {
  id: number;
}

const AXES: readonly Axis[] = ['habitat', 'sociality', 'work'];
const GOAL_TEXT: Record<Axis, string> = {
  habitat: 'Mantenere l’autonomia abitativa con supporto domiciliare',
  sociality: 'Partecipare a un gruppo del territorio ogni settimana',
  work: 'Avviare un tirocinio formativo in ambito protetto',
};
const MEMBERS = JSON.stringify([
  { name: 'Case manager', role: 'case manager', organisation: 'AUSL di Bologna' },
  { name: 'Assistente sociale', role: 'assistente sociale', organisation: 'Servizio sociale territoriale' },
  { name: 'Referente cooperativa', role: 'educatore', organisation: 'Cooperativa sociale' },
]);

function pickService<S extends ServiceRef>(random: Random, services: readonly S[], total: number): S {
  let roll = random.next() * total;
  for (const service of services) {
    roll -= service.weight;
    if (roll < 0) return service;
  }
  return services[services.length - 1] as S;
}

export interface ProjectInputs {
  random: Random;
  timer: Timer;
  persons: number;
  projects: number;
  services: readonly (ServiceRef & { districtId: number })[];
  lots: ReadonlyMap<number, LotRef>;
  caseManagerOf: ReadonlyMap<number, number>;
}

export function writePersonsAndProjects(client: Database.Database, inputs: ProjectInputs): StoredProject[] {
  const { random, timer } = inputs;
  const totalWeight = inputs.services.reduce((sum, s) => sum + s.weight, 0);
  const people = personFactory(random);
  const personService: (ServiceRef & { districtId: number })[] = [];
  const insertPerson =
    client.prepare(`INSERT INTO persons (id, fiscal_code, given_name, family_name, search_key, search_key_alt, birth_date, sex,
    district_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPersonService = client.prepare(
    'INSERT INTO person_services (service_id, person_id, search_key, search_key_alt) VALUES (?, ?, ?, ?)',
  );
  timer.time(
    'persons + person_services',
    () =>
      client.transaction(() => {
        for (let id = 1; id <= inputs.persons; id++) {
          const service = pickService(random, inputs.services, totalWeight);
          personService.push(service);
          const sex = random.chance(0.5) ? 'F' : 'M';
          const birth = new Date(
            service.kind === 'NPIA' ? 2008 + random.int(0, 10) : 1955 + random.int(0, 45),
            random.int(0, 11),
            random.int(1, 28),
          );
          const p = people.create(sex, birth);
          insertPerson.run(
            id,
            p.fiscalCode,
            p.givenName,
            p.familyName,
            p.searchKey,
            p.searchKeyAlt,
            p.birthDate,
            p.sex,
            service.districtId,
            '2016-12-01T09:00:00.000Z',
          );
          insertPersonService.run(service.id, id, p.searchKey, p.searchKeyAlt);
        }
        return inputs.persons;
      })(),
    (n) => n,
  );

  const planned: PlannedProject[] = [];
  for (let i = 0; i < inputs.projects; i++) {
    const personId = i < inputs.persons ? i + 1 : random.int(1, inputs.persons);
    planned.push(planProject(random, personId, personService[personId - 1] as ServiceRef, inputs.lots));
  }
  // Ids follow creation time, as in a database that grew over the years.
  planned.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const projects: StoredProject[] = planned.map((project, index) => ({ ...project, id: index + 1 }));

  /**
   * The person signed the first revision before it went to the UVM: every project past the draft
   * but one in 25 of those in care, so that "firma in attesa" lists a few, as in a real caseload.
   */
  const personSigned = (p: StoredProject) =>
    p.status !== 'draft' && !((p.status === 'active' || p.status === 'suspended') && p.id % 25 === 0);
  const insertPtri =
    client.prepare(`INSERT INTO ptris (id, person_id, service_id, lot_id, case_manager_id, status, intensity, start_date, end_date,
    activated_on, ended_on, next_review_date, notes, version, person_signed_revision, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`);
  timer.time(
    'ptris',
    () =>
      client.transaction(() => {
        for (const p of projects) {
          const at = `${p.startDate}T09:00:00.000Z`;
          const version = p.activatedOn ? (p.endedOn ? 5 : 4) : p.status === 'draft' ? 1 : 2;
          insertPtri.run(
            p.id,
            p.personId,
            p.serviceId,
            p.lot.id,
            inputs.caseManagerOf.get(p.serviceId) ?? null,
            p.status,
            p.intensity,
            p.startDate,
            p.endDate,
            p.activatedOn,
            p.endedOn,
            p.nextReviewDate,
            version,
            personSigned(p) ? 1 : null,
            at,
            at,
          );
        }
        return projects.length;
      })(),
    (n) => n,
  );

  const each = (label: string, sql: string, write: (statement: Database.Statement, p: StoredProject) => number) => {
    const statement = client.prepare(sql);
    timer.time(
      label,
      () => client.transaction(() => projects.reduce((rows, p) => rows + write(statement, p), 0))(),
      (n) => n,
    );
  };
  each('ptri_cooperatives', 'INSERT INTO ptri_cooperatives (ptri_id, cooperative_id) VALUES (?, ?)', (s, p) => {
    for (const c of p.cooperativeIds) s.run(p.id, c);
    return p.cooperativeIds.length;
  });
  each('goals', 'INSERT INTO goals (ptri_id, axis, description, target_date, status, position) VALUES (?, ?, ?, ?, ?, ?)', (s, p) => {
    AXES.forEach((axis, position) => s.run(p.id, axis, GOAL_TEXT[axis], p.endDate, p.endedOn ? 'achieved' : 'open', position));
    return AXES.length;
  });
  each(
    'budget_lines',
    `INSERT INTO budget_lines (ptri_id, axis, source, description, minutes, amount_cents, position)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
    (s, p) => {
      s.run(p.id, 'habitat', 'ausl', 'Ore di supporto educativo della cooperativa', 240, amountCentsOf(240, p.lot.rateCents), 0);
      s.run(p.id, 'sociality', 'community', 'Gruppo di volontariato del quartiere', null, null, 1);
      return 2;
    },
  );
  each(
    'ptri_signatures',
    `INSERT INTO ptri_signatures (ptri_id, revision, signer, name, date, method, created_at) VALUES (?, 1, 'person', ?, ?, 'paper', ?)`,
    (s, p) => {
      if (!personSigned(p)) return 0;
      s.run(p.id, `Persona ${p.personId}`, p.startDate, `${p.startDate}T09:30:00.000Z`);
      return 1;
    },
  );
  each(
    'ptri_revisions',
    `INSERT INTO ptri_revisions (ptri_id, version, snapshot, changes, reason, user_id, created_at)
    VALUES (?, 1, ?, NULL, 'Creazione', ?, ?)`,
    (s, p) => {
      s.run(
        p.id,
        JSON.stringify({ startDate: p.startDate, endDate: p.endDate, intensity: p.intensity, cooperativeIds: p.cooperativeIds }),
        inputs.caseManagerOf.get(p.serviceId) ?? null,
        `${p.startDate}T09:00:00.000Z`,
      );
      return 1;
    },
  );
  each(
    'ptri_transitions',
    `INSERT INTO ptri_transitions (ptri_id, from_status, to_status, reason, effective_date, user_id, created_at)
    VALUES (?, ?, ?, NULL, ?, NULL, ?)`,
    (s, p) => {
      if (p.status === 'draft') return 0;
      const moves: [string, string, string][] = [['draft', 'submitted', p.startDate]];
      if (p.status === 'rejected') moves.push(['submitted', 'rejected', p.startDate]);
      if (p.activatedOn) moves.push(['submitted', 'active', p.activatedOn]);
      if (p.status === 'suspended') moves.push(['active', 'suspended', `${monthText(p.lastMonth)}-01`]);
      if (p.endedOn) moves.push(['active', 'closed', p.endedOn]);
      for (const [from, to, date] of moves) s.run(p.id, from, to, date, `${date}T10:00:00.000Z`);
      return moves.length;
    },
  );
  each(
    'evaluations',
    `INSERT INTO evaluations (ptri_id, date, kind, members, outcome, intensity, scores, honos_total, next_review_date, notes,
    recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, NULL, ?)`,
    (s, p) => {
      if (p.status === 'draft' || p.status === 'submitted') return 0;
      if (p.status === 'rejected') {
        s.run(p.id, p.startDate, 'initial', MEMBERS, 'not_approved', null, null, null, `${p.startDate}T11:00:00.000Z`);
        return 1;
      }
      let rows = 0;
      for (let month = p.firstMonth; month <= p.lastMonth; month += 6) {
        const date = month === p.firstMonth ? (p.activatedOn ?? p.startDate) : `${monthText(month)}-15`;
        const next = month + 6 <= p.lastMonth ? `${monthText(month + 6)}-15` : p.nextReviewDate;
        s.run(
          p.id,
          date,
          rows === 0 ? 'initial' : 'review',
          MEMBERS,
          'approved',
          p.intensity,
          10 + ((p.id + rows) % 20),
          next,
          `${date}T11:00:00.000Z`,
        );
        rows++;
      }
      if (p.endedOn) {
        s.run(p.id, p.endedOn, 'final', MEMBERS, 'approved', p.intensity, 8 + (p.id % 15), null, `${p.endedOn}T11:00:00.000Z`);
        rows++;
      }
      return rows;
    },
  );
  return projects;
}
