// Caseload per service on a date: projects in their period of care, by intensity, open goals
// per axis, reviews overdue and due within 30 days. Projects are read through the scope filter.
import { sql } from 'drizzle-orm';
import { schema, type Db } from '@bds/db';
import { AXES, type Caseload } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { addDaysToDate, today } from '../dates-extra.ts';
import { visiblePtris } from '../scope/visibility.ts';

const { ptris } = schema;

/**
 * Projects in care on a date are those whose period ends on or after it: the covering index on
 * that end reads only them, where the planner would otherwise walk every project of every service.
 */
const IN_CARE_INDEX = sql.raw('INDEXED BY ptris_care_end_idx');

export function caseload(db: Db, actor: Actor, serviceId: number | undefined, date = today()): Caseload {
  const visible = visiblePtris(actor.user);
  const soon = addDaysToDate(date, 30);
  const where = sql`${ptris.activatedOn} IS NOT NULL AND ${ptris.activatedOn} <= ${date} AND COALESCE(${ptris.endedOn}, ${ptris.endDate}) >= ${date}
    ${serviceId ? sql`AND ${ptris.serviceId} = ${serviceId}` : sql``} ${visible ? sql`AND ${visible}` : sql``}`;
  return db.transaction((tx) => {
    const rows = tx.all<{ serviceId: number; serviceCode: string; serviceName: string; projects: number; high: number; medium: number; low: number; overdue: number; due: number }>(sql`
      SELECT s.id AS serviceId, s.code AS serviceCode, s.name AS serviceName, COUNT(*) AS projects,
        SUM(${ptris.intensity} = 'high') AS high, SUM(${ptris.intensity} = 'medium') AS medium, SUM(${ptris.intensity} = 'low') AS low,
        SUM(${ptris.nextReviewDate} < ${date}) AS overdue,
        SUM(${ptris.nextReviewDate} >= ${date} AND ${ptris.nextReviewDate} <= ${soon}) AS due
      FROM ${ptris} ${IN_CARE_INDEX} JOIN services s ON s.id = ${ptris.serviceId}
      WHERE ${where} GROUP BY s.id ORDER BY s.name`);
    const goals = tx.all<{ serviceId: number; axis: (typeof AXES)[number]; open: number }>(sql`
      SELECT ${ptris.serviceId} AS serviceId, g.axis AS axis, COUNT(*) AS open
      FROM ${ptris} ${IN_CARE_INDEX} JOIN goals g ON g.ptri_id = ${ptris.id}
      WHERE ${where} AND g.status = 'open' GROUP BY ${ptris.serviceId}, g.axis`);
    recordAudit(tx, actor, { action: 'read', entity: 'report_caseload', changes: { date, serviceId: serviceId ?? null } });
    const result = rows.map((row) => ({
      serviceId: row.serviceId,
      serviceCode: row.serviceCode,
      serviceName: row.serviceName,
      projects: row.projects,
      byIntensity: { high: row.high, medium: row.medium, low: row.low },
      openGoals: Object.fromEntries(AXES.map((axis) => [axis, goals.find((g) => g.serviceId === row.serviceId && g.axis === axis)?.open ?? 0])) as Record<(typeof AXES)[number], number>,
      reviewsOverdue: row.overdue ?? 0,
      reviewsDueWithin30: row.due ?? 0,
    }));
    return { date, rows: result, total: result.reduce((n, r) => n + r.projects, 0) };
  });
}

export const CASELOAD_CSV_HEADER = ['Codice servizio', 'Servizio', 'Progetti attivi', 'Intensità alta', 'Intensità media', 'Intensità bassa',
  'Obiettivi aperti Casa', 'Obiettivi aperti Socialità', 'Obiettivi aperti Lavoro', 'Verifiche scadute', 'Verifiche entro 30 giorni'];

export function caseloadCsvRows(report: Caseload): unknown[][] {
  return report.rows.map((r) => [r.serviceCode, r.serviceName, r.projects, r.byIntensity.high, r.byIntensity.medium, r.byIntensity.low,
    r.openGoals.habitat, r.openGoals.sociality, r.openGoals.work, r.reviewsOverdue, r.reviewsDueWithin30]);
}
