// Lot 4 (PACo): the catalogue of community activities, enrolling persons' projects in them, and
// the sessions their cooperative records. Hours belong to a session, not to a person.
import type { z } from 'zod';
import {
  amountCentsOf,
  eurosOf,
  formatDate,
  hoursOf,
  minutesOf,
  type CommunityActivity,
  type CommunityActivityDetail,
  type communityActivityListQuery,
  type CommunitySession,
  type CommunitySessionsPage,
  type communitySessionsQuery,
  type CreateCommunityActivityBody,
  type CreateSessionBody,
  type ListPage,
  type ProjectCommunityActivity,
  type UpdateCommunityActivityBody,
} from '@bds/shared';
import type { Db, Queryable } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { auditRead } from '../audit/group-commit.ts';
import { Conflict, DomainError, Forbidden, Invalid, NotFound, type FieldError } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { policyOf, type CommunityActivityView } from '../access/policy.ts';
import { receivedOnly } from '../access/fields.ts';
import { referenceExists } from '../reference/queries.ts';
import { lotInForce } from '../reference/lot-in-force.ts';
import { addDepartmentWork } from '../monthly-reports/parts.ts';
import * as q from './queries.ts';

/** Lot 4 of the tender: community activities (PACo). */
export const COMMUNITY_LOT_NUMBER = 4;
/** The newest sessions an activity's detail carries; the rest page through GET …/sessions. */
const SESSIONS_SHOWN = 50;

export function toActivity(row: q.CommunityActivityRow): CommunityActivity {
  return {
    id: row.id,
    title: row.title,
    axis: row.axis,
    districtId: row.districtId,
    place: row.place,
    cooperativeId: row.cooperativeId,
    lotId: row.lotId,
    from: row.fromDate,
    to: row.toDate,
    description: row.description,
  };
}

export function listCatalogue(db: Db, query: z.output<typeof communityActivityListQuery>): ListPage<CommunityActivity> {
  const after = decodeCursor(query.cursor, ['number']) as [number] | null;
  const rows = q.listActivities(db, query, after?.[0] ?? null, query.limit);
  const result = page(rows, query.limit, (row) => [row.id]);
  return { items: result.items.map(toActivity), nextCursor: result.nextCursor };
}

/** The activity a user runs: 404 for an activity that is not there or that the user does not run. */
function runActivity(tx: Queryable, actor: Actor, id: number): q.CommunityActivityRow {
  const row = q.activityById(tx, id);
  if (!row || !policyOf(actor.user).communityActivity(row.cooperativeId).runs) throw new NotFound('Attività di comunità non trovata');
  return row;
}

/**
 * The Lot 4 lot in force on the activity's first day that counts the cooperative among its members.
 * The cooperative is the caller's own, or the one the admin names.
 */
function lotForActivity(tx: Queryable, actor: Actor, cooperativeId: number, from: string): number {
  const lots = q.lotsOfNumber(tx, COMMUNITY_LOT_NUMBER, cooperativeId);
  const lot = lotInForce(lots, COMMUNITY_LOT_NUMBER, from);
  if (!lot) throw new Conflict(`Nessun lotto ${COMMUNITY_LOT_NUMBER} registrato: le attività di comunità appartengono a quel lotto`);
  if (!lot.member) {
    if (actor.user.role === 'cooperative') throw new Forbidden(`La cooperativa non fa parte del lotto ${COMMUNITY_LOT_NUMBER}`);
    throw new Invalid('cooperativeId', `la cooperativa non fa parte del lotto ${COMMUNITY_LOT_NUMBER} in vigore il ${formatDate(from)}`);
  }
  return lot.id;
}

function ownerOf(tx: Queryable, actor: Actor, named: number | undefined): number {
  const { user } = actor;
  if (user.role === 'cooperative') {
    if (!user.cooperativeId) throw new Forbidden('Utente senza cooperativa assegnata');
    if (named !== undefined && named !== user.cooperativeId) throw new Forbidden('Una cooperativa crea solo attività proprie');
    return user.cooperativeId;
  }
  if (named === undefined) throw new Invalid('cooperativeId', 'indicare la cooperativa che conduce l’attività');
  if (!referenceExists(tx, 'cooperative', named)) throw new Invalid('cooperativeId', 'cooperativa inesistente');
  return named;
}

export function createActivity(db: Db, actor: Actor, body: CreateCommunityActivityBody): CommunityActivity {
  if (!referenceExists(db, 'district', body.districtId)) throw new Invalid('districtId', 'distretto inesistente');
  return db.transaction((tx) => {
    const cooperativeId = ownerOf(tx, actor, body.cooperativeId);
    const lotId = lotForActivity(tx, actor, cooperativeId, body.from);
    const row = q.insertActivity(tx, {
      title: body.title,
      axis: body.axis,
      districtId: body.districtId,
      place: body.place,
      cooperativeId,
      lotId,
      fromDate: body.from,
      toDate: body.to ?? null,
      description: body.description ?? null,
      createdBy: actor.user.id,
    });
    const activity = toActivity(row);
    recordAudit(tx, actor, { action: 'create', entity: 'community_activity', entityId: row.id, changes: { after: activity } });
    return activity;
  });
}

export function changeActivity(db: Db, actor: Actor, id: number, body: UpdateCommunityActivityBody): CommunityActivity {
  if (body.districtId !== undefined && !referenceExists(db, 'district', body.districtId))
    throw new Invalid('districtId', 'distretto inesistente');
  return db.transaction((tx) => {
    const before = runActivity(tx, actor, id);
    const from = body.from ?? before.fromDate;
    const to = body.to === undefined ? before.toDate : body.to;
    if (to !== null && to < from) throw new Invalid('to', 'la fine non può precedere l’inizio');
    const span = q.sessionSpan(tx, id);
    if (span.first !== null && (span.first < from || (to !== null && span.last! > to)))
      throw new Conflict(
        `Il periodo deve comprendere gli incontri già registrati (dal ${formatDate(span.first)} al ${formatDate(span.last!)})`,
      );
    const row = q.updateActivity(tx, id, {
      title: body.title,
      axis: body.axis,
      districtId: body.districtId,
      place: body.place,
      fromDate: body.from,
      toDate: body.to,
      description: body.description,
      updatedAt: new Date().toISOString(),
    });
    const activity = toActivity(row);
    recordAudit(tx, actor, {
      action: 'update',
      entity: 'community_activity',
      entityId: id,
      changes: { before: toActivity(before), after: activity },
    });
    return activity;
  });
}

function toSession(row: q.CommunitySessionRow, attendeePtriIds: number[], attendees: number, withNote: boolean): CommunitySession {
  return {
    id: row.id,
    date: row.date,
    hours: hoursOf(row.minutes),
    operators: row.operators,
    billedHours: hoursOf(row.billedMinutes),
    amount: eurosOf(row.amountCents),
    attendeePtriIds,
    attendees,
    otherParticipants: row.otherParticipants,
    volunteers: row.volunteers,
    ...(withNote ? { note: row.note } : {}),
  };
}

/** The sessions as the viewer sees them: attendees' projects only where the view reaches them. */
function sessionsFor(tx: Queryable, activityId: number, view: CommunityActivityView, limit: number, after: [string, number] | null) {
  const sessions = q.sessionsOf(tx, activityId, limit, after);
  const attendees = [...new Set(sessions.flatMap((s) => s.attendeePtriIds))];
  const visible = view.persons === undefined ? new Set(attendees) : q.visibleProjects(tx, attendees, view.persons);
  return sessions.map((s) =>
    toSession(
      s,
      s.attendeePtriIds.filter((id) => visible.has(id)),
      s.attendeePtriIds.length,
      view.sessionNotes,
    ),
  );
}

export async function readActivity(db: Db, actor: Actor, id: number): Promise<CommunityActivityDetail> {
  const policy = policyOf(actor.user);
  const detail = db.transaction((tx) => {
    const row = q.activityById(tx, id);
    if (!row) throw new NotFound('Attività di comunità non trovata');
    const view = policy.communityActivity(row.cooperativeId);
    const enrolled = q.enrolledIn(tx, id, view.persons);
    return {
      personIds: enrolled.map((e) => e.personId),
      reply: {
        ...toActivity(row),
        enrolled: enrolled.map((e) => ({ ptriId: e.ptriId, personName: e.personName, enrolledOn: e.enrolledOn })),
        sessions: sessionsFor(tx, id, view, SESSIONS_SHOWN, null).map((s) => receivedOnly(policy, 'communitySession', s)),
      },
    };
  });
  if (detail.personIds.length > 0) {
    await auditRead(db, actor, { action: 'read', entity: 'community_activity', entityId: id, changes: { personIds: detail.personIds } });
  }
  return detail.reply;
}

/** An activity's sessions page by page, newest first, with how many it has. */
export async function listSessions(
  db: Db,
  actor: Actor,
  activityId: number,
  query: z.output<typeof communitySessionsQuery>,
): Promise<CommunitySessionsPage> {
  const policy = policyOf(actor.user);
  const after = decodeCursor(query.cursor, ['string', 'number']) as [string, number] | null;
  const reply = db.transaction((tx) => {
    const row = q.activityById(tx, activityId);
    if (!row) throw new NotFound('Attività di comunità non trovata');
    const sessions = sessionsFor(tx, activityId, policy.communityActivity(row.cooperativeId), query.limit + 1, after);
    const result = page(sessions, query.limit, (session) => [session.date, session.id]);
    return {
      items: result.items.map((session) => receivedOnly(policy, 'communitySession', session)),
      nextCursor: result.nextCursor,
      total: q.sessionCount(tx, activityId),
    };
  });
  const ptriIds = [...new Set(reply.items.flatMap((session) => session.attendeePtriIds))];
  if (ptriIds.length > 0) {
    await auditRead(db, actor, { action: 'read', entity: 'community_session_list', entityId: activityId, changes: { ptriIds } });
  }
  return reply;
}

/** A project of the case manager's service, active, for an enrolment. */
function projectToEnrol(tx: Queryable, actor: Actor, ptriId: number) {
  const project = q.projectInScope(tx, ptriId, policyOf(actor.user).ptris);
  if (!project) throw new Invalid('ptriId', 'progetto inesistente o non del tuo servizio');
  return project;
}

export function enrol(
  db: Db,
  actor: Actor,
  activityId: number,
  ptriId: number,
): { activityId: number; ptriId: number; enrolledOn: string } {
  if (actor.user.role !== 'case_manager') throw new Forbidden('Solo il case manager del progetto iscrive una persona');
  return db.transaction((tx) => {
    const activity = q.activityById(tx, activityId);
    if (!activity) throw new NotFound('Attività di comunità non trovata');
    const project = projectToEnrol(tx, actor, ptriId);
    if (project.status !== 'active') throw new Conflict('Si iscrive solo una persona con un progetto attivo');
    if (activity.toDate !== null && activity.toDate < actor.today)
      throw new Conflict(`L'attività si è conclusa il ${formatDate(activity.toDate)}: non accetta iscrizioni`);
    const existing = q.enrolment(tx, activityId, ptriId);
    if (existing && existing.endedOn === null) throw new Conflict('La persona è già iscritta a questa attività');
    q.upsertEnrolment(tx, { activityId, ptriId, personId: project.personId, enrolledOn: actor.today, enrolledBy: actor.user.id });
    recordAudit(tx, actor, {
      action: 'create',
      entity: 'community_enrolment',
      entityId: activityId,
      personId: project.personId,
      changes: { after: { activityId, ptriId, enrolledOn: actor.today } },
    });
    return { activityId, ptriId, enrolledOn: actor.today };
  });
}

export function endEnrolment(db: Db, actor: Actor, activityId: number, ptriId: number): void {
  if (actor.user.role !== 'case_manager') throw new Forbidden('Solo il case manager del progetto chiude un’iscrizione');
  db.transaction((tx) => {
    if (!q.projectInScope(tx, ptriId, policyOf(actor.user).ptris)) throw new NotFound('Iscrizione non trovata');
    const existing = q.enrolment(tx, activityId, ptriId);
    if (!existing || existing.endedOn !== null) throw new NotFound('Iscrizione non trovata');
    q.endEnrolment(tx, activityId, ptriId, actor.today);
    recordAudit(tx, actor, {
      action: 'delete',
      entity: 'community_enrolment',
      entityId: activityId,
      personId: existing.personId,
      changes: { before: { activityId, ptriId, enrolledOn: existing.enrolledOn }, endedOn: actor.today },
    });
  });
}

function sessionDateErrors(activity: q.CommunityActivityRow, tenderStart: string, date: string, today: string): FieldError[] {
  if (date > today) return [{ path: 'date', message: 'non può essere nel futuro' }];
  if (date < tenderStart) return [{ path: 'date', message: `precede l'inizio della gara del lotto (${formatDate(tenderStart)})` }];
  if (date < activity.fromDate || (activity.toDate !== null && date > activity.toDate)) {
    const period = activity.toDate
      ? `dal ${formatDate(activity.fromDate)} al ${formatDate(activity.toDate)}`
      : `dal ${formatDate(activity.fromDate)}`;
    return [{ path: 'date', message: `fuori dal periodo dell'attività (${period})` }];
  }
  return [];
}

/**
 * Records a session of the caller's own activity. Its attendees must be enrolled on its day (else
 * 400 on the attendee); the others who came are counts and never linked to anyone. Billed hours
 * are hours × operators at the lot's rate, fixed now.
 */
export function recordSession(db: Db, actor: Actor, activityId: number, body: CreateSessionBody): CommunitySession {
  if (actor.user.role !== 'cooperative') throw new Forbidden('Solo la cooperativa dell’attività registra gli incontri');
  return db.transaction((tx) => {
    const activity = runActivity(tx, actor, activityId);
    const lot = q.lotTerms(tx, activity.lotId);
    if (!lot || lot.rate === null) throw new Conflict('Il lotto dell’attività non ha una tariffa oraria');
    const errors = sessionDateErrors(activity, lot.tenderStart, body.date, actor.today);
    const enrolled = new Map(q.enrolledOnDay(tx, activityId, body.attendeePtriIds, body.date).map((e) => [e.ptriId, e.personId]));
    body.attendeePtriIds.forEach((ptriId, index) => {
      if (!enrolled.has(ptriId))
        errors.push({ path: `attendeePtriIds.${index}`, message: `il progetto ${ptriId} non è iscritto all'attività` });
    });
    if (errors.length > 0) throw new DomainError(400, 'Dati non validi', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    const month = body.date.slice(0, 7);
    const minutes = minutesOf(body.hours);
    const billedMinutes = minutes * body.operators;
    // The session's hours join the month's department-wide part (409 once that part is submitted).
    addDepartmentWork(db, tx, {
      kind: 'community_activities',
      lotId: activity.lotId,
      cooperativeId: activity.cooperativeId,
      month,
      minutes: billedMinutes,
      amountCents: amountCentsOf(billedMinutes, lot.rate),
      count: 1,
    });
    const row = q.insertSession(tx, {
      activityId,
      cooperativeId: activity.cooperativeId,
      lotId: activity.lotId,
      date: body.date,
      month,
      minutes,
      operators: body.operators,
      billedMinutes,
      amountCents: amountCentsOf(billedMinutes, lot.rate),
      otherParticipants: body.otherParticipants,
      volunteers: body.volunteers,
      note: body.note ?? null,
      createdBy: actor.user.id,
    });
    const attendances = body.attendeePtriIds.map((ptriId) => ({ sessionId: row.id, ptriId, personId: enrolled.get(ptriId)! }));
    q.insertAttendances(tx, attendances);
    q.addToPeriodSummaries(
      tx,
      row,
      attendances.map((a) => a.personId),
    );
    const session = toSession(row, body.attendeePtriIds, attendances.length, true);
    recordAudit(tx, actor, { action: 'create', entity: 'community_session', entityId: row.id, changes: { activityId, after: session } });
    for (const a of attendances) {
      recordAudit(tx, actor, {
        action: 'create',
        entity: 'community_attendance',
        entityId: row.id,
        personId: a.personId,
        changes: { activityId, ptriId: a.ptriId, date: row.date },
      });
    }
    return session;
  });
}

/** The activities a project is enrolled in, for its page: within the caller's scope of projects. */
export async function activitiesOfProject(db: Db, actor: Actor, ptriId: number): Promise<ProjectCommunityActivity[]> {
  const project = q.projectInScope(db, ptriId, policyOf(actor.user).ptris);
  if (!project) throw new NotFound('Progetto non trovato');
  const rows = q.activitiesOfProject(db, ptriId);
  await auditRead(db, actor, { action: 'read', entity: 'ptri_community_activities', entityId: ptriId, personId: project.personId });
  return rows;
}
