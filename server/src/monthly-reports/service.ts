// Monthly reports (rendicontazione): the cooperative submits its month, the case managers of
// each service concerned validate or return their part, a DSM-DP manager the department-wide
// parts (parts.ts); the month follows its parts.
import type { Db, Queryable } from '@bds/db';
import {
  eurosOf,
  formatMonth,
  hoursOf,
  MONTH_STATUS_LABELS,
  DEPARTMENT_PART_KINDS,
  DEPARTMENT_PART_LABELS,
  REVIEWABLE_PART_STATUSES,
  type DepartmentPartKind,
  type MonthlyReport,
  type monthlyReportPartsQuery,
  type MonthlyReportPartsReply,
  type MonthStatus,
  type ReviewBody,
} from '@bds/shared';
import type { z } from 'zod';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { recordAudit } from '../audit/record.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { policyOf } from '../access/policy.ts';
import { receivedOnly } from '../access/fields.ts';
import { monthState } from '../interventions/queries.ts';
import { monthStatusOf } from '../interventions/rules.ts';
import { summaryWriter } from '../interventions/summaries.ts';
import { departmentPartKey, partIdentityOf } from './parts.ts';
import * as q from './queries.ts';

function requireOwnCooperative(actor: Actor, cooperativeId: number) {
  if (actor.user.role !== 'cooperative') throw new Forbidden('Solo la cooperativa invia il proprio mese');
  if (policyOf(actor.user).reports().cooperativeId !== cooperativeId) throw new NotFound('Cooperativa non trovata');
}

/** Writes the month's status as it follows from its parts. */
function settleMonth(
  tx: Queryable,
  cooperativeId: number,
  month: string,
  fields: { submittedAt?: string; submittedBy?: number; reviewedAt?: string; reviewedBy?: number; note?: string | null },
) {
  const state = monthState(tx, cooperativeId, month);
  const status = monthStatusOf([...state.parts.values()].map((part) => part.status));
  q.upsertReport(tx, {
    cooperativeId,
    month,
    status,
    submittedAt: fields.submittedAt ?? state.report?.submittedAt ?? null,
    submittedBy: fields.submittedBy ?? state.report?.submittedBy ?? null,
    reviewedAt: fields.reviewedAt ?? state.report?.reviewedAt ?? null,
    reviewedBy: fields.reviewedBy ?? state.report?.reviewedBy ?? null,
    note: fields.note === undefined ? (state.report?.note ?? null) : fields.note,
  });
  return status;
}

export function submitMonth(db: Db, actor: Actor, cooperativeId: number, month: string): MonthlyReport {
  requireOwnCooperative(actor, cooperativeId);
  // A month's work is complete only once the month is over: its last days could still come.
  if (month >= actor.today.slice(0, 7))
    throw new Invalid('month', `si può inviare solo un mese concluso: ${formatMonth(month)} non è ancora finito`);
  return db.transaction((tx) => {
    const state = monthState(tx, cooperativeId, month);
    if (state.monthStatus === 'submitted' || state.monthStatus === 'validated')
      throw new Conflict(`Il mese di ${formatMonth(month)} è già stato inviato`);
    const partKeys = new Set([...q.partsWithWork(tx, cooperativeId, month), ...state.parts.keys()]);
    if (partKeys.size === 0) throw new Conflict(`Nessun intervento da inviare per il mese di ${formatMonth(month)}`);
    const writer = summaryWriter(db);
    for (const serviceId of partKeys) {
      const part = state.parts.get(serviceId);
      if (part && part.status !== 'returned' && part.status !== 'open') continue;
      q.upsertPart(tx, {
        cooperativeId,
        month,
        serviceId,
        status: 'submitted',
        note: part?.note ?? null,
        reviewedAt: part?.reviewedAt ?? null,
        reviewedBy: part?.reviewedBy ?? null,
      });
      writer.moveStatus(cooperativeId, month, serviceId, 'submitted');
    }
    const status = settleMonth(tx, cooperativeId, month, { submittedAt: new Date().toISOString(), submittedBy: actor.user.id });
    recordAudit(tx, actor, {
      action: 'transition',
      entity: 'monthly_report',
      entityId: cooperativeId,
      changes: { month, status: { before: state.monthStatus ?? 'open', after: status } },
    });
    return monthReport(tx, cooperativeId, month);
  });
}

export function reviewMonth(db: Db, actor: Actor, cooperativeId: number, month: string, body: ReviewBody): MonthlyReport {
  const serviceId = actor.user.serviceId;
  if (actor.user.role !== 'case_manager' || !serviceId) throw new Forbidden('Solo i case manager dei servizi interessati rivedono il mese');
  return reviewPart(db, actor, cooperativeId, month, serviceId, body, { part: 'del tuo servizio', work: 'intervento del tuo servizio' });
}

/** A DSM-DP manager validates or returns a department-wide part (flats, community activities). */
export function reviewDepartmentPart(
  db: Db,
  actor: Actor,
  cooperativeId: number,
  month: string,
  kind: DepartmentPartKind,
  body: ReviewBody,
): MonthlyReport {
  if (actor.user.role !== 'manager') throw new Forbidden('Solo la direzione del DSM-DP rivede le parti di tutto il dipartimento');
  const label = `«${DEPARTMENT_PART_LABELS[kind]}»`;
  return reviewPart(db, actor, cooperativeId, month, departmentPartKey(kind), body, { part: label, work: `lavoro ${label}` });
}

/** Reviews one submitted part of a month; `names` words the refusals for the part reviewed. */
function reviewPart(
  db: Db,
  actor: Actor,
  cooperativeId: number,
  month: string,
  key: number,
  body: ReviewBody,
  names: { part: string; work: string },
) {
  return db.transaction((tx) => {
    const state = monthState(tx, cooperativeId, month);
    const part = state.parts.get(key);
    if (!part) throw new NotFound(`Nessun ${names.work} da rivedere per il mese di ${formatMonth(month)}`);
    if (part.status !== 'submitted')
      throw new Conflict(`La parte ${names.part} è in stato «${MONTH_STATUS_LABELS[part.status]}»: non si può rivedere`);
    const now = new Date().toISOString();
    const note = body.note ?? null;
    q.upsertPart(tx, { cooperativeId, month, serviceId: key, status: body.decision, reviewedAt: now, reviewedBy: actor.user.id, note });
    summaryWriter(db).moveStatus(cooperativeId, month, key, body.decision);
    const status = settleMonth(tx, cooperativeId, month, {
      reviewedAt: now,
      reviewedBy: actor.user.id,
      ...(body.decision === 'returned' ? { note } : {}),
    });
    const { kind, serviceId } = partIdentityOf(key, null);
    recordAudit(tx, actor, {
      action: 'transition',
      entity: 'monthly_report',
      entityId: cooperativeId,
      changes: { month, part: kind, serviceId, decision: body.decision, note, status: { before: state.monthStatus, after: status } },
    });
    return onlyViewersPart(monthReport(tx, cooperativeId, month), actor);
  });
}

const emptyTotals = () => ({ interventions: 0, hours: 0, amount: 0 });

function yearReports(tx: Queryable, cooperativeId: number, year: number, onlyMonth?: string): MonthlyReport[] {
  const reports = new Map(q.reportsOfYear(tx, cooperativeId, year).map((r) => [r.month, r]));
  const parts = q.partsOfYear(tx, cooperativeId, year);
  const totals = q.totalsOfYear(tx, cooperativeId, year);
  const months = onlyMonth ? [onlyMonth] : Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return months.map((month) => {
    const report = reports.get(month);
    const monthTotals = totals.filter((t) => t.month === month);
    const sum = (rows: typeof monthTotals) => ({
      interventions: rows.reduce((n, r) => n + r.interventions, 0),
      hours: hoursOf(rows.reduce((n, r) => n + r.minutes, 0)),
      amount: eurosOf(rows.reduce((n, r) => n + r.amountCents, 0)),
    });
    const monthParts = parts.filter((p) => p.part.month === month);
    const keys = new Set(monthParts.map((p) => p.part.serviceId));
    const partRows: MonthlyReport['parts'] = monthParts.map(({ part, serviceName }) => ({
      ...partIdentityOf(part.serviceId, serviceName),
      status: part.status,
      reviewedAt: part.reviewedAt,
      reviewedBy: part.reviewedBy,
      note: part.note,
      totals: sum(monthTotals.filter((t) => t.serviceId === part.serviceId)),
    }));
    // Parts with work not yet submitted appear as open parts.
    for (const t of monthTotals) {
      if (!keys.has(t.serviceId)) {
        keys.add(t.serviceId);
        partRows.push({
          ...partIdentityOf(t.serviceId, t.serviceName),
          status: 'open',
          reviewedAt: null,
          reviewedBy: null,
          note: null,
          totals: sum(monthTotals.filter((x) => x.serviceId === t.serviceId)),
        });
      }
    }
    return {
      cooperativeId,
      month,
      status: (report?.status ?? 'open') as MonthStatus,
      submittedAt: report?.submittedAt ?? null,
      submittedBy: report?.submittedBy ?? null,
      note: report?.note ?? null,
      totals: monthTotals.length ? sum(monthTotals) : emptyTotals(),
      parts: partRows,
    };
  });
}

/**
 * A reader whose reports are one service's (a case manager) sees only that service's part of a
 * cooperative's month: its status, its note and its totals. Another service's return note may
 * name a person of that service. Every reply keeps the fields the reader's role receives.
 */
function onlyViewersPart(report: MonthlyReport, actor: Actor): MonthlyReport {
  const policy = policyOf(actor.user);
  const { serviceId } = policy.reports();
  if (serviceId === null) return receivedOnly(policy, 'monthReport', report);
  const own = report.parts.find((part) => part.serviceId === serviceId);
  return receivedOnly(policy, 'monthReport', {
    ...report,
    status: own?.status ?? 'open',
    note: own?.note ?? null,
    parts: own ? [own] : [],
    totals: own?.totals ?? emptyTotals(),
  });
}

function monthReport(tx: Queryable, cooperativeId: number, month: string): MonthlyReport {
  const [report] = yearReports(tx, cooperativeId, Number(month.slice(0, 4)), month);
  if (!report) throw new NotFound();
  return report;
}

export function listMonthlyReports(db: Db, actor: Actor, cooperativeId: number, year: number) {
  const own = policyOf(actor.user).reports().cooperativeId;
  if (own !== null && own !== cooperativeId) throw new NotFound('Cooperativa non trovata');
  return db.transaction((tx) => {
    if (!q.cooperativeExists(tx, cooperativeId)) throw new NotFound('Cooperativa non trovata');
    recordAudit(tx, actor, { action: 'read', entity: 'monthly_reports', entityId: cooperativeId, changes: { year } });
    return { cooperativeId, year, months: yearReports(tx, cooperativeId, year).map((report) => onlyViewersPart(report, actor)) };
  });
}

/**
 * Whose parts a caller may list: a case manager their own service's, a cooperative its own
 * months', a manager or admin every one (the policy's report scope).
 */
function partsScopeOf(actor: Actor): q.PartsScope {
  const { serviceId, cooperativeId } = policyOf(actor.user).reports();
  return { ...(serviceId === null ? {} : { serviceId }), ...(cooperativeId === null ? {} : { cooperativeId }) };
}

/** The submitted or reviewed parts of the months, across cooperatives, in the caller's scope. */
export async function listReportParts(
  db: Db,
  actor: Actor,
  query: z.output<typeof monthlyReportPartsQuery>,
): Promise<MonthlyReportPartsReply> {
  const scope = partsScopeOf(actor);
  const after = decodeCursor(query.cursor, ['string', 'number', 'number']) as [string, number, number] | null;
  const filters = {
    statuses: query.status ? [query.status] : REVIEWABLE_PART_STATUSES,
    ...(query.year === undefined ? {} : { year: query.year }),
    ...(query.departmentWide ? { partKeys: DEPARTMENT_PART_KINDS.map(departmentPartKey) } : {}),
  };
  const reply = db.transaction((tx) => {
    const rows = q.reportParts(tx, scope, filters, after, query.limit);
    const result = page(rows, query.limit, (row) => [row.month, row.cooperativeId, row.serviceId]);
    const totals = new Map(q.totalsOfParts(tx, result.items).map((t) => [`${t.cooperativeId}|${t.month}|${t.serviceId}`, t]));
    const policy = policyOf(actor.user);
    const items = result.items.map((row) => {
      const t = totals.get(`${row.cooperativeId}|${row.month}|${row.serviceId}`);
      return receivedOnly(policy, 'reportPart', {
        ...row,
        ...partIdentityOf(row.serviceId, row.serviceName),
        totals: t ? { interventions: t.interventions, hours: hoursOf(t.minutes), amount: eurosOf(t.amountCents) } : emptyTotals(),
      });
    });
    return { items, nextCursor: result.nextCursor };
  });
  await auditRead(db, actor, {
    action: 'read',
    entity: 'monthly_report_parts',
    changes: {
      filters: { status: query.status ?? null, year: query.year ?? null, departmentWide: query.departmentWide ?? false },
      ...scope,
    },
  });
  return reply;
}
