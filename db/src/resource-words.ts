// The words of the resources that the demo seed and the bench generator write with plain
// statements (the server keeps them through drizzle in server/src/resources/queries.ts).
import type Database from 'better-sqlite3';
import { resourceWordRows, type Axis } from '@bds/shared';

/** A function that writes the `resource_words` rows of a new resource serving `districtIds`. */
export function resourceWordsWriter(client: Database.Database) {
  const insert = client.prepare('INSERT INTO resource_words (prefix, district_id, axis, name, resource_id) VALUES (?, ?, ?, ?, ?)');
  return (resource: { id: number; name: string; provider: string; axis: Axis }, districtIds: number[]) => {
    for (const row of resourceWordRows(resource, districtIds)) insert.run(row.prefix, row.districtId, row.axis, row.name, row.resourceId);
  };
}
