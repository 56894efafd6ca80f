// Caseload per service on a date: projects in their period of care, by intensity, open goals
// per axis, reviews overdue and due within 30 days. Projects are read through the scope filter.
import { sql } from 'drizzle-orm';
import { schema, type Db } from '@bds/db';
import type { Caseload } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { addDaysToDate, today } from '../dates-extra.ts';
import { visiblePtris } from '../scope/visibility.ts';

const { ptris } = schema;

/**
 * Projects in care on a date are those whose period ends on or after it: the covering index on
 * that end reads only them, where the planner would otherwise walk every project of every service.
 */
const IN_CARE_INDEX = sql.raw('INDEXED BY ptris_care_end_idx');

export async function caseload(db: Db, actor: Actor, serviceId: number | undefined, date = today()): Promise<Caseload> {
  const visible = visiblePtris(actor.user);
  const soon = addDaysToDate(date, 30);
  const where = sql`${ptris.activatedOn} IS NOT NULL AND ${ptris.activatedOn} <= ${date} AND COALESCE(${ptris.endedOn}, ${ptris.endDate}) >= ${date}
    ${serviceId ? sql`AND ${ptris.serviceId} = ${serviceId}` : sql``} ${visible ? sql`AND ${visible}` : sql``}`;
  const report = db.transaction((tx) => {
    // One pass over the covering index: open goals per axis are counters kept on each project
    // by triggers on goals (migration 0011), so no goal row is read.
    const rows = tx.all<{ serviceId: number; serviceCode: string; serviceName: string; projects: number; high: number; medium: number; low: number; overdue: number; due: number; habitat: number; sociality: number; work: number }>(sql`
      SELECT s.id AS serviceId, s.code AS serviceCode, s.name AS serviceName, COUNT(*) AS projects,
        SUM(${ptris.intensity} = 'high') AS high, SUM(${ptris.intensity} = 'medium') AS medium, SUM(${ptris.intensity} = 'low') AS low,
        SUM(${ptris.nextReviewDate} < ${date}) AS overdue,
        SUM(${ptris.nextReviewDate} >= ${date} AND ${ptris.nextReviewDate} <= ${soon}) AS due,
        SUM(${ptris.openGoalsHabitat}) AS habitat, SUM(${ptris.openGoalsSociality}) AS sociality, SUM(${ptris.openGoalsWork}) AS work
      FROM ${ptris} ${IN_CARE_INDEX} JOIN services s ON s.id = ${ptris.serviceId}
      WHERE ${where} GROUP BY s.id ORDER BY s.name`);
    const result = rows.map((row) => ({
      serviceId: row.serviceId,
      serviceCode: row.serviceCode,
      serviceName: row.serviceName,
      projects: row.projects,
      byIntensity: { high: row.high, medium: row.medium, low: row.low },
      openGoals: { habitat: row.habitat ?? 0, sociality: row.sociality ?? 0, work: row.work ?? 0 },
      reviewsOverdue: row.overdue ?? 0,
      reviewsDueWithin30: row.due ?? 0,
    }));
    return { date, rows: result, total: result.reduce((n, r) => n + r.projects, 0) };
  });
  await auditRead(db, actor, { action: 'read', entity: 'report_caseload', changes: { date, serviceId: serviceId ?? null } });
  return report;
}

export const CASELOAD_CSV_HEADER = ['Codice servizio', 'Servizio', 'Progetti attivi', 'Intensità alta', 'Intensità media', 'Intensità bassa',
  'Obiettivi aperti Casa', 'Obiettivi aperti Socialità', 'Obiettivi aperti Lavoro', 'Verifiche scadute', 'Verifiche entro 30 giorni'];

export function caseloadCsvRows(report: Caseload): unknown[][] {
  return report.rows.map((r) => [r.serviceCode, r.serviceName, r.projects, r.byIntensity.high, r.byIntensity.medium, r.byIntensity.low,
    r.openGoals.habitat, r.openGoals.sociality, r.openGoals.work, r.reviewsOverdue, r.reviewsDueWithin30]);
}
