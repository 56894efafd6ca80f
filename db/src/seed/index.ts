// Reference data and demo data for a new database.
import type { Db } from '../connection.ts';

export { seedReferenceData, PUBLISHED_SERVICE_ALIASES } from './reference.ts';
export { seedDemoData, type DemoSummary } from './demo.ts';
export { DEMO_PASSWORD, demoAccounts } from './accounts.ts';
export { TODAY as DEMO_TODAY } from './dates.ts';

/** True when no account exists yet: the first start of a deployment. */
export function isDatabaseEmpty(db: Db): boolean {
  return db.$client.prepare('SELECT 1 FROM users LIMIT 1').get() === undefined;
}
