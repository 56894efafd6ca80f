// SQL of the list of intervention activities per axis.
import { asc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { activities } = schema;
type ActivityInsert = typeof activities.$inferInsert;

export function allActivities(db: Queryable) {
  return db.select().from(activities).orderBy(asc(activities.axis), asc(activities.label)).all();
}

export function insertActivity(db: Queryable, values: ActivityInsert) {
  return db.insert(activities).values(values).returning().get();
}

export function updateActivity(db: Queryable, id: number, values: Partial<ActivityInsert>) {
  return db.update(activities).set(values).where(eq(activities.id, id)).returning().get();
}
