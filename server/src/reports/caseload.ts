// Caseload per service on a date up to today: the active projects on that day (open, as
// figures/definitions.ts defines it), by intensity, open goals per axis, reviews overdue and due
// within 30 days, and those expired, for the services in the caller's scope.
import type { Db, Queryable } from '@bds/db';
import type { Caseload } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditedRead } from '../audit/group-commit.ts';
import { Invalid } from '../errors.ts';
import { policyOf } from '../access/policy.ts';
import { caseloadRows } from './queries.ts';

export async function caseload(db: Db, actor: Actor, serviceId: number | undefined, date = actor.today): Promise<Caseload> {
  // The summary follows each open project without end: a day after today would count the future.
  if (date > actor.today) throw new Invalid('date', 'non può essere nel futuro');
  const policy = policyOf(actor.user);
  const report = (tx: Queryable) => {
    const rows = caseloadRows(tx, policy, serviceId, date);
    const result = rows.map((row) => ({
      serviceId: row.serviceId,
      serviceCode: row.serviceCode,
      serviceName: row.serviceName,
      projects: row.projects,
      byIntensity: { high: row.high, medium: row.medium, low: row.low },
      openGoals: { habitat: row.habitat, sociality: row.sociality, work: row.work },
      reviewsOverdue: row.overdue,
      reviewsDueWithin30: row.due,
      expired: row.expired,
    }));
    return { date, rows: result, total: result.reduce((n, r) => n + r.projects, 0) };
  };
  // Its route admits only roles whose scope is whole services, so the query refuses nobody after the row.
  return auditedRead(db, actor, { action: 'read', entity: 'report_caseload', changes: { date, serviceId: serviceId ?? null } }, () =>
    db.transaction(report),
  );
}

export const CASELOAD_CSV_HEADER = [
  'Codice servizio',
  'Servizio',
  'Progetti attivi',
  'Intensità alta',
  'Intensità media',
  'Intensità bassa',
  'Obiettivi aperti Casa',
  'Obiettivi aperti Socialità',
  'Obiettivi aperti Lavoro',
  'Verifiche scadute',
  'Verifiche entro 30 giorni',
  'Scaduti',
];

export function caseloadCsvRows(report: Caseload): unknown[][] {
  return report.rows.map((r) => [
    r.serviceCode,
    r.serviceName,
    r.projects,
    r.byIntensity.high,
    r.byIntensity.medium,
    r.byIntensity.low,
    r.openGoals.habitat,
    r.openGoals.sociality,
    r.openGoals.work,
    r.reviewsOverdue,
    r.reviewsDueWithin30,
    r.expired,
  ]);
}
