// SQL of Lot 4's community activities, their enrolments and sessions, and the report's summaries.
import { and, asc, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { Axis } from '@bds/shared';
import { preparedSql } from '../prepared.ts';

const { communityActivities, communityEnrolments, communitySessions, communityAttendances, ptris, persons, lots, lotCooperatives } = schema;

export type CommunityActivityRow = typeof communityActivities.$inferSelect;
export type CommunitySessionRow = typeof communitySessions.$inferSelect;

/**
 * Every lot of a number with its rate and period, and whether the cooperative may run its work: a
 * member, and one of its executing members where the lot names any.
 */
export function lotsOfNumber(db: Queryable, number: number, cooperativeId: number) {
  return db
    .select({
      id: lots.id,
      number: lots.number,
      tenderYear: lots.tenderYear,
      tenderStart: lots.tenderStart,
      tenderEnd: lots.tenderEnd,
      hourlyRateCents: lots.hourlyRateCents,
      member: sql<number>`EXISTS (SELECT 1 FROM ${lotCooperatives} WHERE ${lotCooperatives.lotId} = ${lots.id} AND ${lotCooperatives.cooperativeId} = ${cooperativeId}
        AND (${lotCooperatives.executing} = 1 OR NOT EXISTS (SELECT 1 FROM ${lotCooperatives} AS others WHERE others.lot_id = ${lots.id} AND others.executing = 1)))`,
    })
    .from(lots)
    .where(eq(lots.number, number))
    .all();
}

/** The activity lot's hourly rate and the day its tender began (no session is dated before it). */
export function lotTerms(db: Queryable, lotId: number): { rate: number | null; tenderStart: string } | undefined {
  return db.select({ rate: lots.hourlyRateCents, tenderStart: lots.tenderStart }).from(lots).where(eq(lots.id, lotId)).get();
}

export function activityById(db: Queryable, id: number): CommunityActivityRow | undefined {
  return db.select().from(communityActivities).where(eq(communityActivities.id, id)).get();
}

export function insertActivity(db: Queryable, values: typeof communityActivities.$inferInsert): CommunityActivityRow {
  return db.insert(communityActivities).values(values).returning().get();
}

export function updateActivity(db: Queryable, id: number, values: Partial<typeof communityActivities.$inferInsert>): CommunityActivityRow {
  return db.update(communityActivities).set(values).where(eq(communityActivities.id, id)).returning().get()!;
}

export interface ActivityFilters {
  districtId?: number;
  axis?: Axis;
  cooperativeId?: number;
}

/** A page of the catalogue in id order, after the id of the previous page's last row. */
export function listActivities(db: Queryable, filters: ActivityFilters, afterId: number | null, limit: number) {
  const conditions: (SQL | undefined)[] = [
    filters.districtId === undefined ? undefined : eq(communityActivities.districtId, filters.districtId),
    filters.axis === undefined ? undefined : eq(communityActivities.axis, filters.axis),
    filters.cooperativeId === undefined ? undefined : eq(communityActivities.cooperativeId, filters.cooperativeId),
    afterId === null ? undefined : gt(communityActivities.id, afterId),
  ];
  return db
    .select()
    .from(communityActivities)
    .where(and(...conditions))
    .orderBy(asc(communityActivities.id))
    .limit(limit + 1)
    .all();
}

const personName = sql<string>`${persons.familyName} || ' ' || ${persons.givenName}`;

/**
 * The projects enrolled in an activity now, with the person's name; `visible` (a condition on
 * `ptris`) keeps only those the viewer may see, undefined for all of them.
 */
export function enrolledIn(db: Queryable, activityId: number, visible: SQL | undefined) {
  return db
    .select({
      ptriId: communityEnrolments.ptriId,
      personId: communityEnrolments.personId,
      personName,
      enrolledOn: communityEnrolments.enrolledOn,
    })
    .from(communityEnrolments)
    .innerJoin(ptris, eq(ptris.id, communityEnrolments.ptriId))
    .innerJoin(persons, eq(persons.id, communityEnrolments.personId))
    .where(and(eq(communityEnrolments.activityId, activityId), isNull(communityEnrolments.endedOn), visible))
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(communityEnrolments.ptriId))
    .all();
}

export function enrolment(db: Queryable, activityId: number, ptriId: number) {
  return db
    .select()
    .from(communityEnrolments)
    .where(and(eq(communityEnrolments.activityId, activityId), eq(communityEnrolments.ptriId, ptriId)))
    .get();
}

/** A project the viewer's scope reaches, with what enrolling it needs. */
export function projectInScope(db: Queryable, ptriId: number, scope: SQL | undefined) {
  return db
    .select({ id: ptris.id, personId: ptris.personId, status: ptris.status, serviceId: ptris.serviceId })
    .from(ptris)
    .where(and(eq(ptris.id, ptriId), scope))
    .get();
}

/** Enrols a project, or enrols again one whose enrolment had ended. */
export function upsertEnrolment(db: Queryable, values: typeof communityEnrolments.$inferInsert) {
  db.insert(communityEnrolments)
    .values(values)
    .onConflictDoUpdate({
      target: [communityEnrolments.activityId, communityEnrolments.ptriId],
      set: { endedOn: null, enrolledOn: values.enrolledOn, enrolledBy: values.enrolledBy },
    })
    .run();
}

export function endEnrolment(db: Queryable, activityId: number, ptriId: number, endedOn: string) {
  db.update(communityEnrolments)
    .set({ endedOn })
    .where(and(eq(communityEnrolments.activityId, activityId), eq(communityEnrolments.ptriId, ptriId)))
    .run();
}

/**
 * The projects among `ptriIds` enrolled in the activity on a day (enrolment not ended before it),
 * with their person.
 */
export function enrolledOnDay(db: Queryable, activityId: number, ptriIds: number[], day: string) {
  if (ptriIds.length === 0) return [];
  return db
    .select({ ptriId: communityEnrolments.ptriId, personId: communityEnrolments.personId })
    .from(communityEnrolments)
    .where(
      and(
        eq(communityEnrolments.activityId, activityId),
        sql`${communityEnrolments.ptriId} IN (${sql.join(
          ptriIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
        sql`(${communityEnrolments.endedOn} IS NULL OR ${communityEnrolments.endedOn} >= ${day})`,
      ),
    )
    .all();
}

export function insertSession(db: Queryable, values: typeof communitySessions.$inferInsert): CommunitySessionRow {
  return db.insert(communitySessions).values(values).returning().get();
}

/** The first and last day of an activity's sessions (null without any). */
export function sessionSpan(db: Queryable, activityId: number): { first: string | null; last: string | null } {
  return (
    db.get<{ first: string | null; last: string | null }>(
      sql`SELECT MIN(date) AS first, MAX(date) AS last FROM community_sessions WHERE activity_id = ${activityId}`,
    ) ?? { first: null, last: null }
  );
}

export function insertAttendances(db: Queryable, rows: (typeof communityAttendances.$inferInsert)[]) {
  if (rows.length > 0) db.insert(communityAttendances).values(rows).run();
}

/** Adds one session to its activity's year and month in the summaries, in the session's own transaction. */
export function addToPeriodSummaries(db: Queryable, session: CommunitySessionRow, personIds: number[]) {
  for (const period of [session.date.slice(0, 4), session.month]) {
    db.run(sql`
      INSERT INTO community_activity_periods (period, activity_id, sessions, minutes, billed_minutes, amount_cents, attendances, other_participants, volunteers)
      VALUES (${period}, ${session.activityId}, 1, ${session.minutes}, ${session.billedMinutes}, ${session.amountCents}, ${personIds.length}, ${session.otherParticipants}, ${session.volunteers})
      ON CONFLICT (period, activity_id) DO UPDATE SET
        sessions = sessions + 1, minutes = minutes + excluded.minutes, billed_minutes = billed_minutes + excluded.billed_minutes,
        amount_cents = amount_cents + excluded.amount_cents, attendances = attendances + excluded.attendances,
        other_participants = other_participants + excluded.other_participants, volunteers = volunteers + excluded.volunteers`);
    for (const personId of personIds) {
      db.run(sql`
        INSERT INTO community_activity_period_persons (period, activity_id, person_id, attendances) VALUES (${period}, ${session.activityId}, ${personId}, 1)
        ON CONFLICT (period, activity_id, person_id) DO UPDATE SET attendances = attendances + 1`);
    }
  }
}

/** An activity's sessions, newest first, after the keyset `after` ([date, id]), with the projects that attended each. */
export function sessionsOf(db: Queryable, activityId: number, limit: number, after: [string, number] | null = null) {
  return db
    .select({
      session: communitySessions,
      attendeePtriIds: sql<string>`(SELECT COALESCE(json_group_array(a.ptri_id), '[]') FROM community_attendances a WHERE a.session_id = ${communitySessions.id})`,
    })
    .from(communitySessions)
    .where(
      and(
        eq(communitySessions.activityId, activityId),
        after === null
          ? undefined
          : sql`(${communitySessions.date} < ${after[0]} OR (${communitySessions.date} = ${after[0]} AND ${communitySessions.id} < ${after[1]}))`,
      ),
    )
    .orderBy(desc(communitySessions.date), desc(communitySessions.id))
    .limit(limit)
    .all()
    .map((row) => ({ ...row.session, attendeePtriIds: JSON.parse(row.attendeePtriIds) as number[] }));
}

/** How many sessions an activity has (on its (activity, date) index). */
export function sessionCount(db: Queryable, activityId: number): number {
  return db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM community_sessions WHERE activity_id = ${activityId}`)?.n ?? 0;
}

/** The subset of `ptriIds` the scope reaches. */
export function visibleProjects(db: Queryable, ptriIds: number[], scope: SQL | undefined): Set<number> {
  if (ptriIds.length === 0) return new Set();
  const rows = db
    .select({ id: ptris.id })
    .from(ptris)
    .where(
      and(
        sql`${ptris.id} IN (${sql.join(
          ptriIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
        scope,
      ),
    )
    .all();
  return new Set(rows.map((row) => row.id));
}

/** The activities a project is (or was) enrolled in, with its attendances. */
export function activitiesOfProject(db: Queryable, ptriId: number) {
  return db.all<{
    activityId: number;
    title: string;
    axis: Axis;
    districtId: number;
    place: string;
    enrolledOn: string;
    endedOn: string | null;
    attendances: number;
    lastAttended: string | null;
  }>(sql`
    SELECT a.id AS activityId, a.title, a.axis, a.district_id AS districtId, a.place, e.enrolled_on AS enrolledOn, e.ended_on AS endedOn,
      (SELECT COUNT(*) FROM community_attendances t JOIN community_sessions s ON s.id = t.session_id
        WHERE t.ptri_id = e.ptri_id AND s.activity_id = a.id) AS attendances,
      (SELECT MAX(s.date) FROM community_attendances t JOIN community_sessions s ON s.id = t.session_id
        WHERE t.ptri_id = e.ptri_id AND s.activity_id = a.id) AS lastAttended
    FROM community_enrolments e JOIN community_activities a ON a.id = e.activity_id
    WHERE e.ptri_id = ${ptriId}
    ORDER BY e.ended_on IS NOT NULL, e.enrolled_on DESC, a.id`);
}

/** The summed figures of a set of sessions, as the period summaries keep them. */
interface SessionFigures {
  sessions: number;
  billedMinutes: number;
  amountCents: number;
  attendances: number;
  otherParticipants: number;
  volunteers: number;
}

export interface ActivityYearRow extends SessionFigures {
  activityId: number;
  title: string;
  axis: Axis;
  districtId: number;
  cooperativeId: number;
  persons: number;
}

/** The report's filters as placeholders, and the key of the statements' shape they give (which filters are set). */
const activityFilter = (filters: ActivityFilters) => ({
  shape: `${filters.districtId === undefined ? '' : 'district'}:${filters.axis === undefined ? '' : 'axis'}`,
  sql: () =>
    sql`${filters.districtId === undefined ? sql`` : sql`AND a.district_id = ${sql.placeholder('districtId')}`} ${filters.axis === undefined ? sql`` : sql`AND a.axis = ${sql.placeholder('axis')}`}`,
});

/**
 * The year's figures per activity from the summaries, at most `limit` after the activity
 * `afterId`, in id order: on the summary's key, so a page reads its own rows whatever the tier.
 */
export function activityYears(db: Queryable, year: string, filters: ActivityFilters, afterId: number, limit: number): ActivityYearRow[] {
  const filter = activityFilter(filters);
  return preparedSql<ActivityYearRow>(
    db,
    `activityYears:${filter.shape}`,
    () => sql`
    SELECT a.id AS activityId, a.title, a.axis, a.district_id AS districtId, a.cooperative_id AS cooperativeId,
      y.sessions, y.billed_minutes AS billedMinutes, y.amount_cents AS amountCents, y.attendances,
      y.other_participants AS otherParticipants, y.volunteers,
      (SELECT COUNT(*) FROM community_activity_period_persons p WHERE p.period = y.period AND p.activity_id = y.activity_id) AS persons
    FROM community_activity_periods y JOIN community_activities a ON a.id = y.activity_id
    WHERE y.period = ${sql.placeholder('year')} AND y.activity_id > ${sql.placeholder('afterId')} ${filter.sql()}
    ORDER BY y.activity_id LIMIT ${sql.placeholder('limit')}`,
  ).all({ year, afterId, limit, ...filters });
}

export interface GroupYearRow extends SessionFigures {
  districtId: number;
  axis: Axis;
  activities: number;
}

/** The year's figures of every activity of the filter per district and axis, from the summary of migration 0185. */
export function groupYears(db: Queryable, year: string, filters: ActivityFilters): GroupYearRow[] {
  const filter = activityFilter(filters);
  return preparedSql<GroupYearRow>(
    db,
    `groupYears:${filter.shape}`,
    () => sql`
    SELECT a.district_id AS districtId, a.axis, a.activities, a.sessions, a.billed_minutes AS billedMinutes, a.amount_cents AS amountCents,
      a.attendances, a.other_participants AS otherParticipants, a.volunteers
    FROM community_group_periods a WHERE a.period = ${sql.placeholder('year')} ${filter.sql()}
    ORDER BY a.district_id, a.axis`,
  ).all({ year, ...filters });
}

type GroupKind = 'all' | 'lot' | 'cooperative' | 'district' | 'axis' | 'district_axis';

/**
 * Distinct persons of a period per group of activities, from the counters the triggers of
 * migration 0125 keep (community_scope_counts): a person counts once per group.
 */
function personsOfGroups(
  db: Queryable,
  period: string,
  kind: GroupKind,
  only: { groupId?: number; axis?: string; cooperativeId?: number } = {},
) {
  const { groupId, axis, cooperativeId } = only;
  const key = `personsOfGroups:${groupId === undefined ? '' : 'group'}:${axis === undefined ? '' : 'axis'}:${cooperativeId === undefined ? '' : 'cooperative'}`;
  return preparedSql<{ groupId: number; cooperativeId: number; axis: string; persons: number }>(
    db,
    key,
    () => sql`
    SELECT group_id AS groupId, cooperative_id AS cooperativeId, axis, persons FROM community_scope_counts
    WHERE period = ${sql.placeholder('period')} AND kind = ${sql.placeholder('kind')}
      ${groupId === undefined ? sql`` : sql`AND group_id = ${sql.placeholder('groupId')}`} ${axis === undefined ? sql`` : sql`AND axis = ${sql.placeholder('axis')}`}
      ${cooperativeId === undefined ? sql`` : sql`AND cooperative_id = ${sql.placeholder('cooperativeId')}`}
    ORDER BY group_id, cooperative_id, axis`,
  ).all({ period, kind, groupId, axis, cooperativeId });
}

/** Distinct persons who attended in the year, per district and axis of the activities and overall: a person counts once per group. */
export function distinctPersonsOfYear(db: Queryable, year: string, filters: ActivityFilters) {
  const { districtId, axis } = filters;
  const only = { groupId: districtId, axis };
  const byDistrict = personsOfGroups(db, year, axis === undefined ? 'district' : 'district_axis', only);
  const byAxis = personsOfGroups(db, year, districtId === undefined ? 'axis' : 'district_axis', only);
  const total =
    districtId === undefined && axis === undefined ? personsOfGroups(db, year, 'all') : districtId === undefined ? byAxis : byDistrict;
  return {
    byDistrict: byDistrict.map((row) => ({ districtId: row.groupId, persons: row.persons })),
    byAxis: byAxis.map((row) => ({ axis: row.axis as Axis, persons: row.persons })),
    total: total.reduce((n, row) => n + row.persons, 0),
  };
}

export interface LotCommunityRow {
  lotId: number;
  /** null for the lot across its cooperatives. */
  cooperativeId: number | null;
  persons: number;
  otherParticipants: number;
}

/**
 * Lot 4's persons (distinct, with a project, who attended) and other participants in a period
 * ('YYYY' or 'YYYY-MM'), per lot and cooperative and per lot, from the counters of migrations
 * 0125 and 0175: a few rows per period whatever the number of activities.
 */
export function communityFiguresOfPeriod(db: Queryable, period: string, cooperativeId: number | null): LotCommunityRow[] {
  const others = preparedSql<{ lotId: number; cooperativeId: number; otherParticipants: number }>(
    db,
    `otherParticipantsOfPeriod:${cooperativeId === null ? 'all' : 'cooperative'}`,
    () => sql`
    SELECT lot_id AS lotId, cooperative_id AS cooperativeId, other_participants AS otherParticipants FROM community_lot_periods
    WHERE period = ${sql.placeholder('period')} ${cooperativeId === null ? sql`` : sql`AND cooperative_id = ${sql.placeholder('cooperativeId')}`}
    ORDER BY lot_id, cooperative_id`,
  ).all({ period, cooperativeId });
  const perCooperative = personsOfGroups(db, period, 'cooperative', { cooperativeId: cooperativeId ?? undefined }).map((row) => ({
    lotId: row.groupId,
    cooperativeId: row.cooperativeId,
    persons: row.persons,
  }));
  // One cooperative's persons of a lot are the lot's persons as that cooperative sees them.
  const perLot =
    cooperativeId === null
      ? personsOfGroups(db, period, 'lot').map((row) => ({ lotId: row.groupId, persons: row.persons }))
      : perCooperative;
  const rows: LotCommunityRow[] = others.map((o) => ({
    lotId: o.lotId,
    cooperativeId: o.cooperativeId,
    otherParticipants: o.otherParticipants,
    persons: perCooperative.find((p) => p.lotId === o.lotId && p.cooperativeId === o.cooperativeId)?.persons ?? 0,
  }));
  for (const lotId of new Set(others.map((o) => o.lotId))) {
    rows.push({
      lotId,
      cooperativeId: null,
      otherParticipants: others.filter((o) => o.lotId === lotId).reduce((n, o) => n + o.otherParticipants, 0),
      persons: perLot.find((p) => p.lotId === lotId)?.persons ?? 0,
    });
  }
  return rows;
}
