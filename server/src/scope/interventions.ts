// Who may see which interventions: the same roles and scopes as projects, on the intervention's
// own cooperative and service (an intervention need not belong to a project).
import { eq, sql, type SQL } from 'drizzle-orm';
import { schema } from '@bds/db';
import type { Principal } from '../auth/principal.ts';

const { interventions, services } = schema;
const NOTHING = sql`0`;

export function visibleInterventions(user: Principal): SQL | undefined {
  switch (user.role) {
    case 'admin':
    case 'manager':
      return undefined;
    case 'case_manager':
      return user.serviceId ? eq(interventions.serviceId, user.serviceId) : NOTHING;
    case 'uvm':
      return user.districtId
        ? sql`${interventions.serviceId} IN (SELECT ${services.id} FROM ${services} WHERE ${services.districtId} = ${user.districtId})`
        : NOTHING;
    case 'cooperative':
      return user.cooperativeId ? eq(interventions.cooperativeId, user.cooperativeId) : NOTHING;
  }
}
