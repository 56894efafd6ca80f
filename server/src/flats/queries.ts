// SQL of the Lot 3 flats: the flats, the stays in them and the flats' own hours. Every search
// runs on an index: flats by (district, id) or (cooperative, id), stays by (flat, from) or
// (person, from), hours by (flat, date).
import { and, asc, eq, getTableColumns, gt, sql, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { flats, flatStays, flatInterventions, persons, ptris, lots, activities } = schema;

/** The last day of a period with no end. */
export const OPEN_END = '9999-12-31';

/**
 * Stays in a flat on a day: the occupied places. The outer flat is named in full: drizzle writes
 * `${flats.id}` as a bare "id" in a one-table select, which inside this subquery is the stay's id.
 */
const occupiedOn = (today: string) =>
  sql<number>`(SELECT COUNT(*) FROM ${flatStays} s WHERE s.flat_id = "flats"."id" AND s.from_date <= ${today} AND (s.to_date IS NULL OR s.to_date >= ${today}))`;

const flatColumns = (today: string) => ({
  id: flats.id,
  name: flats.name,
  districtId: flats.districtId,
  address: flats.address,
  places: flats.places,
  lotId: flats.lotId,
  cooperativeId: flats.cooperativeId,
  openedOn: flats.openedOn,
  closedOn: flats.closedOn,
  occupiedToday: occupiedOn(today),
});

export function flatsPage(
  db: Queryable,
  scope: SQL | undefined,
  filters: { districtId?: number },
  afterId: number | null,
  limit: number,
  today: string,
) {
  return db
    .select(flatColumns(today))
    .from(flats)
    .where(
      and(
        scope,
        filters.districtId === undefined ? undefined : eq(flats.districtId, filters.districtId),
        afterId === null ? undefined : gt(flats.id, afterId),
      ),
    )
    .orderBy(asc(flats.id))
    .limit(limit + 1)
    .all();
}

export function flatById(db: Queryable, id: number, scope: SQL | undefined, today: string) {
  return db
    .select(flatColumns(today))
    .from(flats)
    .where(and(eq(flats.id, id), scope))
    .get();
}

export function writeFlat(db: Queryable, values: Partial<typeof flats.$inferInsert>, id?: number) {
  return id
    ? db.update(flats).set(values).where(eq(flats.id, id)).returning().get()
    : db
        .insert(flats)
        .values(values as typeof flats.$inferInsert)
        .returning()
        .get();
}

export function lotOfFlat(db: Queryable, lotId: number) {
  return db.select().from(lots).where(eq(lots.id, lotId)).get();
}

/**
 * The stays of a flat, latest first, with the person named only where `named` (the policy's
 * stayPersons) lets the caller see them.
 */
export function staysOfFlat(db: Queryable, flatId: number, named: SQL | undefined) {
  const visible = named ?? sql`1`;
  return db
    .select({
      id: flatStays.id,
      flatId: flatStays.flatId,
      ptriId: sql<number | null>`CASE WHEN ${visible} THEN ${flatStays.ptriId} END`,
      personName: sql<string | null>`CASE WHEN ${visible} THEN ${persons.givenName} || ' ' || ${persons.familyName} END`,
      from: flatStays.fromDate,
      to: flatStays.toDate,
      destination: flatStays.destination,
      note: flatStays.note,
    })
    .from(flatStays)
    .innerJoin(persons, eq(persons.id, flatStays.personId))
    .where(eq(flatStays.flatId, flatId))
    .orderBy(sql`${flatStays.fromDate} DESC`, sql`${flatStays.id} DESC`)
    .all();
}

/** Stays of a flat on some day of [from, to]. */
export function flatStaysDuring(db: Queryable, flatId: number, from: string, to: string, exceptId = 0) {
  return db
    .select({ id: flatStays.id, from: flatStays.fromDate, to: flatStays.toDate })
    .from(flatStays)
    .where(
      and(
        eq(flatStays.flatId, flatId),
        sql`${flatStays.fromDate} <= ${to}`,
        sql`(${flatStays.toDate} IS NULL OR ${flatStays.toDate} >= ${from})`,
        sql`${flatStays.id} <> ${exceptId}`,
      ),
    )
    .all();
}

/** A person's stays in any flat on some day of [from, to]. */
export function personStaysDuring(db: Queryable, personId: number, from: string, to: string, exceptId = 0) {
  return db
    .select({ id: flatStays.id, flatId: flatStays.flatId, from: flatStays.fromDate, to: flatStays.toDate, flatName: flats.name })
    .from(flatStays)
    .innerJoin(flats, eq(flats.id, flatStays.flatId))
    .where(
      and(
        eq(flatStays.personId, personId),
        sql`${flatStays.fromDate} <= ${to}`,
        sql`(${flatStays.toDate} IS NULL OR ${flatStays.toDate} >= ${from})`,
        sql`${flatStays.id} <> ${exceptId}`,
      ),
    )
    .all();
}

/** The project a stay is proposed for, within the caller's project scope. */
export function projectForStay(db: Queryable, ptriId: number, scope: SQL | undefined) {
  return db
    .select({
      id: ptris.id,
      personId: ptris.personId,
      serviceId: ptris.serviceId,
      status: ptris.status,
      activatedOn: ptris.activatedOn,
      endedOn: ptris.endedOn,
      endDate: ptris.endDate,
      lotNumber: lots.number,
    })
    .from(ptris)
    .innerJoin(lots, eq(lots.id, ptris.lotId))
    .where(and(eq(ptris.id, ptriId), scope))
    .get();
}

export function insertStay(db: Queryable, values: typeof flatStays.$inferInsert) {
  return db.insert(flatStays).values(values).returning().get();
}

export function stayById(db: Queryable, id: number) {
  return db.select().from(flatStays).where(eq(flatStays.id, id)).get();
}

export function updateStayDates(db: Queryable, id: number, values: { fromDate: string; toDate: string | null }) {
  return db.update(flatStays).set(values).where(eq(flatStays.id, id)).returning().get();
}

export function deleteStay(db: Queryable, id: number) {
  db.delete(flatStays).where(eq(flatStays.id, id)).run();
}

export function endStay(db: Queryable, id: number, values: { toDate: string; destination: string; note: string | null }) {
  return db
    .update(flatStays)
    .set({ ...values, destination: values.destination as typeof flatStays.$inferInsert.destination })
    .where(eq(flatStays.id, id))
    .returning()
    .get();
}

/** The stays of a project (its PTRI page), flat names included. */
export function staysOfProject(db: Queryable, ptriId: number) {
  return db
    .select({
      id: flatStays.id,
      flatId: flatStays.flatId,
      flatName: flats.name,
      from: flatStays.fromDate,
      to: flatStays.toDate,
      destination: flatStays.destination,
    })
    .from(flatStays)
    .innerJoin(flats, eq(flats.id, flatStays.flatId))
    .where(eq(flatStays.ptriId, ptriId))
    .orderBy(asc(flatStays.fromDate))
    .all();
}

export function insertFlatIntervention(db: Queryable, values: typeof flatInterventions.$inferInsert) {
  return db.insert(flatInterventions).values(values).returning().get();
}

/** One flat-level intervention of a cooperative, with its activity's label. */
export function flatInterventionOfCooperative(db: Queryable, id: number, cooperativeId: number) {
  return db
    .select({ ...getTableColumns(flatInterventions), activity: activities.label })
    .from(flatInterventions)
    .innerJoin(activities, eq(activities.id, flatInterventions.activityId))
    .where(and(eq(flatInterventions.id, id), eq(flatInterventions.cooperativeId, cooperativeId)))
    .get();
}

export function updateFlatIntervention(db: Queryable, id: number, values: Partial<typeof flatInterventions.$inferInsert>) {
  return db.update(flatInterventions).set(values).where(eq(flatInterventions.id, id)).returning().get();
}

export function deleteFlatIntervention(db: Queryable, id: number) {
  db.delete(flatInterventions).where(eq(flatInterventions.id, id)).run();
}

export function flatInterventionsOfMonth(db: Queryable, flatId: number, month: string) {
  return db
    .select({
      id: flatInterventions.id,
      flatId: flatInterventions.flatId,
      date: flatInterventions.date,
      activity: activities.label,
      minutes: flatInterventions.minutes,
      amountCents: flatInterventions.amountCents,
      operatorRole: flatInterventions.operatorRole,
      notes: flatInterventions.notes,
    })
    .from(flatInterventions)
    .innerJoin(activities, eq(activities.id, flatInterventions.activityId))
    .where(and(eq(flatInterventions.flatId, flatId), sql`${flatInterventions.date} BETWEEN ${`${month}-01`} AND ${`${month}-31`}`))
    .orderBy(asc(flatInterventions.date), asc(flatInterventions.id))
    .all();
}
