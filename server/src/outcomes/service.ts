// Outcomes on the three axes: what the UVM recorded at the first and latest evaluation, the goals'
// outcomes, how fast projects started, and the contacts after closure (the "post-BdS").
import {
  formatDate,
  type Axis,
  type FollowUp,
  type followUpBody,
  type GoalStatus,
  type LivingSituation,
  type OutcomesReport,
  type OutcomesRow,
  type WorkSituation,
} from '@bds/shared';
import type { z } from 'zod';
import type { Db } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { auditedRead, auditRead } from '../audit/group-commit.ts';
import { recordAudit, type AuditEvent } from '../audit/record.ts';
import { Conflict, Forbidden, Invalid } from '../errors.ts';
import { visiblePtri } from '../ptri/service.ts';
import { policyOf } from '../access/policy.ts';
import { GOAL_KEY, noGoals, round1, type OutcomesFigures } from '../figures/definitions.ts';
import * as q from './queries.ts';

function toFollowUp(row: q.FollowUpRow): FollowUp {
  return {
    id: row.id,
    ptriId: row.ptriId,
    date: row.date,
    living: row.living,
    work: row.work,
    note: row.note,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt,
  };
}

/** A contact after closure: by the case manager of the project's service, dated from the closure to today. */
export function recordFollowUp(db: Db, actor: Actor, ptriId: number, body: z.output<typeof followUpBody>): FollowUp {
  return db.transaction((tx) => {
    const ptri = visiblePtri(tx, actor, ptriId);
    if (actor.user.role !== 'case_manager' && actor.user.role !== 'admin')
      throw new Forbidden('Solo il case manager del progetto registra i contatti dopo la chiusura');
    if (ptri.status !== 'closed' || !ptri.endedOn) throw new Conflict('I contatti dopo la chiusura si registrano su un progetto chiuso');
    if (body.date < ptri.endedOn) throw new Invalid('date', `precede la chiusura del progetto (${formatDate(ptri.endedOn)})`);
    if (body.date > actor.today) throw new Invalid('date', 'non può essere nel futuro');
    const row = q.insertFollowUp(tx, {
      ptriId,
      date: body.date,
      living: body.living,
      work: body.work,
      note: body.note ?? null,
      recordedBy: actor.user.id,
    });
    recordAudit(tx, actor, {
      action: 'create',
      entity: 'follow_up',
      entityId: row.id,
      personId: ptri.personId,
      changes: { date: body.date, living: body.living, work: body.work },
    });
    return toFollowUp(row);
  });
}

export async function listFollowUps(db: Db, actor: Actor, ptriId: number): Promise<FollowUp[]> {
  const ptri = visiblePtri(db, actor, ptriId);
  const rows = q.followUpsOf(db, ptriId);
  await auditRead(db, actor, { action: 'read', entity: 'follow_up_list', entityId: ptriId, personId: ptri.personId });
  return rows.map(toFollowUp);
}

/** `localeCompare(…, 'it')` builds its collator on every call: one, built once. */
const italianOrder = new Intl.Collator('it').compare;

function groupBy<K, T>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The median of a histogram (each value with how many times it was seen), as `median` gives it of the values. */
function medianOfCounts(counts: readonly { value: number; n: number }[]): number | null {
  const sorted = [...counts].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, c) => sum + c.n, 0);
  if (total === 0) return null;
  const valueAt = (index: number) => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.n;
      if (index < seen) return c.value;
    }
    return sorted.at(-1)!.value;
  };
  const middle = Math.floor(total / 2);
  return total % 2 ? valueAt(middle) : (valueAt(middle - 1) + valueAt(middle)) / 2;
}

/** A service's figures from its counters: moves listed in the order of the first project that made them. */
function figuresOf(serviceId: number, counts: readonly q.OutcomeCount[]): OutcomesFigures {
  const byFigure = groupBy(counts, (c) => c.figure);
  const of = (figure: q.OutcomeCount['figure']) => byFigure.get(figure) ?? [];
  const total = (figure: q.OutcomeCount['figure']) => of(figure).reduce((sum, c) => sum + c.n, 0);
  const moves = <T extends string>(figure: 'living' | 'work') =>
    of(figure)
      .sort((a, b) => (a.firstKey! < b.firstKey! ? -1 : 1))
      .map((c) => ({ from: c.keyA as T, to: c.keyB as T, n: c.n }));
  const changes = of('honos');
  const pairs = total('honos');
  const goals = noGoals();
  for (const g of of('goal')) goals[g.keyA as Axis][GOAL_KEY[g.keyB as GoalStatus]] += g.n;
  return {
    serviceId,
    evaluated: total('evaluated'),
    honos: {
      pairs,
      meanChange: round1(pairs ? changes.reduce((sum, c) => sum + c.value * c.n, 0) / pairs : null),
      medianChange: medianOfCounts(changes),
    },
    goals,
    living: moves<LivingSituation>('living'),
    work: moves<WorkSituation>('work'),
    medianDaysSubmissionToActive: medianOfCounts(of('submission_days')),
    medianDaysDraftToActive: medianOfCounts(of('draft_days')),
    followUps: total('follow_up'),
  };
}

export async function outcomesReport(
  db: Db,
  actor: Actor,
  year: number,
  serviceId: number | undefined,
  lot: number | undefined,
): Promise<OutcomesReport> {
  const event: AuditEvent = {
    action: 'read',
    entity: 'report_outcomes',
    changes: { year, serviceId: serviceId ?? null, lot: lot ?? null },
  };
  // Its route admits only roles whose scope is whole services, so the query refuses nobody after the row.
  const rows = await auditedRead(db, actor, event, (): OutcomesRow[] => {
    const counts = q.outcomeCountsOf(db, year, { policy: policyOf(actor.user), serviceId, lot });
    const byService = groupBy(counts, (c) => c.serviceId);
    const names = q.serviceNames(db, [...byService.keys()]);
    return [...byService]
      .map(([id, mine]) => ({ ...figuresOf(id, mine), serviceName: names.get(id) ?? '' }))
      .sort((a, b) => italianOrder(a.serviceName, b.serviceName));
  });
  return { year, rows };
}
