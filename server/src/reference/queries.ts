import { asc, eq, inArray } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { districts, services, serviceAliases, lots, lotCooperatives, cooperatives } = schema;

const TABLES = { district: districts, service: services, lot: lots, cooperative: cooperatives } as const;
export type ReferenceKind = keyof typeof TABLES;

export function referenceExists(db: Queryable, kind: ReferenceKind, id: number): boolean {
  const table = TABLES[kind];
  return db.select({ id: table.id }).from(table).where(eq(table.id, id)).get() !== undefined;
}

export function allDistricts(db: Queryable) {
  return db.select().from(districts).orderBy(asc(districts.name)).all();
}

export function allServices(db: Queryable) {
  const rows = db.select().from(services).orderBy(asc(services.name)).all();
  const aliases = db.select().from(serviceAliases).all();
  return rows.map((row) => ({ ...row, aliases: aliases.filter((a) => a.serviceId === row.id).map((a) => a.alias) }));
}

export function serviceById(db: Queryable, id: number) {
  return db.select().from(services).where(eq(services.id, id)).get();
}

export function allCooperatives(db: Queryable) {
  return db.select().from(cooperatives).orderBy(asc(cooperatives.name)).all();
}

export function allLots(db: Queryable) {
  const rows = db.select().from(lots).orderBy(asc(lots.number), asc(lots.tenderYear)).all();
  const members = db.select().from(lotCooperatives).all();
  return rows.map((row) => {
    const own = members.filter((m) => m.lotId === row.id);
    return {
      ...row,
      cooperativeIds: own.map((m) => m.cooperativeId),
      executingCooperativeIds: own.filter((m) => m.executing).map((m) => m.cooperativeId),
    };
  });
}

export function lotById(db: Queryable, id: number) {
  return db.select().from(lots).where(eq(lots.id, id)).get();
}

export function lotMembers(db: Queryable, lotId: number): number[] {
  return db
    .select({ id: lotCooperatives.cooperativeId })
    .from(lotCooperatives)
    .where(eq(lotCooperatives.lotId, lotId))
    .all()
    .map((r) => r.id);
}

/**
 * The cooperatives that may be assigned the lot's work (projects, flats): its executing members
 * where it marks any, otherwise every member.
 */
export function lotAssignable(db: Queryable, lotId: number): { ids: number[]; executingOnly: boolean } {
  const rows = db.select().from(lotCooperatives).where(eq(lotCooperatives.lotId, lotId)).all();
  const executing = rows.filter((r) => r.executing);
  return executing.length
    ? { ids: executing.map((r) => r.cooperativeId), executingOnly: true }
    : { ids: rows.map((r) => r.cooperativeId), executingOnly: false };
}

export function existingCooperatives(db: Queryable, ids: number[]): number[] {
  if (ids.length === 0) return [];
  return db
    .select({ id: cooperatives.id })
    .from(cooperatives)
    .where(inArray(cooperatives.id, ids))
    .all()
    .map((r) => r.id);
}

export function replaceServiceAliases(db: Queryable, serviceId: number, aliases: string[]) {
  db.delete(serviceAliases).where(eq(serviceAliases.serviceId, serviceId)).run();
  if (aliases.length)
    db.insert(serviceAliases)
      .values(aliases.map((alias) => ({ alias, serviceId })))
      .run();
}

export function replaceLotMembers(db: Queryable, lotId: number, cooperativeIds: number[], executingIds: readonly number[]) {
  db.delete(lotCooperatives).where(eq(lotCooperatives.lotId, lotId)).run();
  if (cooperativeIds.length)
    db.insert(lotCooperatives)
      .values(cooperativeIds.map((cooperativeId) => ({ lotId, cooperativeId, executing: executingIds.includes(cooperativeId) })))
      .run();
}

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Creates a district, or changes one; undefined when the id names none. */
export function writeDistrict(db: Queryable, values: Partial<Insert<typeof districts>>, id?: number) {
  return id
    ? db.update(districts).set(values).where(eq(districts.id, id)).returning().get()
    : db
        .insert(districts)
        .values(values as Insert<typeof districts>)
        .returning()
        .get();
}

/** Creates a service, or changes one (an empty change reads it); undefined when the id names none. */
export function writeService(db: Queryable, values: Partial<Insert<typeof services>>, id?: number) {
  if (!id)
    return db
      .insert(services)
      .values(values as Insert<typeof services>)
      .returning()
      .get();
  return Object.keys(values).length ? db.update(services).set(values).where(eq(services.id, id)).returning().get() : serviceById(db, id);
}

export function writeCooperative(db: Queryable, values: Partial<Insert<typeof cooperatives>>, id?: number) {
  return id
    ? db.update(cooperatives).set(values).where(eq(cooperatives.id, id)).returning().get()
    : db
        .insert(cooperatives)
        .values(values as Insert<typeof cooperatives>)
        .returning()
        .get();
}

export function writeLot(db: Queryable, values: Partial<Insert<typeof lots>>, id?: number) {
  if (!id)
    return db
      .insert(lots)
      .values(values as Insert<typeof lots>)
      .returning()
      .get();
  return Object.keys(values).length ? db.update(lots).set(values).where(eq(lots.id, id)).returning().get() : lotById(db, id);
}
