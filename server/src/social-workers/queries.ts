// SQL of the social workers' accounts of a district: on users_role_district_idx, keyset by id.
import { and, asc, eq, gt } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { users } = schema;

export function socialWorkersOf(db: Queryable, districtId: number, afterId: number | null, limit: number) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.role, 'social_worker'),
        eq(users.districtId, districtId),
        eq(users.active, true),
        afterId === null ? undefined : gt(users.id, afterId),
      ),
    )
    .orderBy(asc(users.id))
    .limit(limit + 1)
    .all();
}
