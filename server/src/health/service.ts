// Whether the database answers and carries every migration the code expects.
import { migrationStatus, type Db, type MigrationStatus } from '@bds/db';

export type DatabaseReadiness = { ready: true; migrations: MigrationStatus } | { ready: false; detail: string };

export function databaseReadiness(db: Db): DatabaseReadiness {
  let migrations: MigrationStatus;
  try {
    db.$client.prepare('SELECT 1').get();
    migrations = migrationStatus(db.$client);
  } catch {
    return { ready: false, detail: 'Database non raggiungibile' };
  }
  if (!migrations.current) {
    return { ready: false, detail: `Migrazioni del database non allineate (${migrations.applied} applicate su ${migrations.expected})` };
  }
  return { ready: true, migrations };
}
