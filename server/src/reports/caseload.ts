// Caseload per service on a date up to today: the active projects on that day (open, as
// figures/definitions.ts defines it), by intensity, open goals per axis, reviews overdue and due
// within 30 days, and those expired, for the services in the caller's scope.
import { sql } from 'drizzle-orm';
import { schema, type Db } from '@bds/db';
import { addDays, type Caseload } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { Invalid } from '../errors.ts';
import { bucketsWithin } from './calendar-spans.ts';
import { policyOf } from '../access/policy.ts';

const { caseloadChanges: changes } = schema;

export async function caseload(db: Db, actor: Actor, serviceId: number | undefined, date = actor.today): Promise<Caseload> {
  // The summary follows each open project without end: a day after today would count the future.
  if (date > actor.today) throw new Invalid('date', 'non può essere nel futuro');
  const visible = policyOf(actor.user).services(changes.serviceId);
  const report = db.transaction((tx) => {
    // The caseload on a date is minus the changes on the days after it (migration 0014): a few
    // day, month and year rows per service, however many projects there are.
    const rows = tx.all<{
      serviceId: number;
      serviceCode: string;
      serviceName: string;
      projects: number;
      high: number;
      medium: number;
      low: number;
      overdue: number;
      due: number;
      expired: number;
      habitat: number;
      sociality: number;
      work: number;
    }>(sql`
      SELECT s.id AS serviceId, s.code AS serviceCode, s.name AS serviceName, -SUM(${changes.projects}) AS projects,
        -SUM(${changes.high}) AS high, -SUM(${changes.medium}) AS medium, -SUM(${changes.low}) AS low,
        -SUM(${changes.overdue}) AS overdue, -SUM(${changes.due}) AS due, -SUM(${changes.expired}) AS expired,
        -SUM(${changes.habitat}) AS habitat, -SUM(${changes.sociality}) AS sociality, -SUM(${changes.work}) AS work
      FROM ${changes} JOIN services s ON s.id = ${changes.serviceId}
      WHERE ${bucketsWithin(changes, addDays(date, 1))}
        ${serviceId ? sql`AND ${changes.serviceId} = ${serviceId}` : sql``} ${visible ? sql`AND ${visible}` : sql``}
      GROUP BY s.id HAVING -SUM(${changes.projects}) > 0 ORDER BY s.name`);
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
  });
  await auditRead(db, actor, { action: 'read', entity: 'report_caseload', changes: { date, serviceId: serviceId ?? null } });
  return report;
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
