// Outcomes on the three axes: what the UVM recorded at the first and latest evaluation, the goals'
// outcomes, how fast projects started, and the contacts after closure (the "post-BdS").
import { AXES, formatDate, type FollowUp, type followUpBody, type GoalStatus, type OutcomesReport, type OutcomesRow } from '@bds/shared';
import type { z } from 'zod';
import type { Db } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { recordAudit } from '../audit/record.ts';
import { Conflict, Forbidden, Invalid } from '../errors.ts';
import { visiblePtri } from '../ptri/service.ts';
import { policyOf } from '../access/policy.ts';
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

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** Counts of (from, to) pairs, in the order they first appear. */
function transitions<T extends string>(pairs: [T | null, T | null][]): { from: T; to: T; n: number }[] {
  const counts = new Map<string, { from: T; to: T; n: number }>();
  for (const [from, to] of pairs) {
    if (from === null || to === null) continue;
    const key = `${from}>${to}`;
    const found = counts.get(key);
    if (found) found.n += 1;
    else counts.set(key, { from, to, n: 1 });
  }
  return [...counts.values()];
}

const GOAL_KEY: Record<GoalStatus, 'open' | 'achieved' | 'partlyAchieved' | 'notAchieved' | 'notAssessed'> = {
  open: 'open',
  achieved: 'achieved',
  partly_achieved: 'partlyAchieved',
  not_achieved: 'notAchieved',
  not_assessed: 'notAssessed',
};

export async function outcomesReport(
  db: Db,
  actor: Actor,
  year: number,
  serviceId: number | undefined,
  lot: number | undefined,
): Promise<OutcomesReport> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const filter: q.ProjectFilter = { visible: policyOf(actor.user).ptris, serviceId, lot };
  const { projects, goals, followUps } = db.transaction((tx) => ({
    projects: q.evaluatedProjects(tx, from, to, filter),
    goals: q.goalsOfEvaluated(tx, from, to, filter),
    followUps: q.followUpsByService(tx, from, to, filter),
  }));
  const serviceIds = [...new Set([...projects.map((p) => p.serviceId), ...followUps.map((f) => f.serviceId)])];
  const names = q.serviceNames(db, serviceIds);
  const rows: OutcomesRow[] = serviceIds
    .map((id) => {
      const mine = projects.filter((p) => p.serviceId === id);
      const changes = mine.filter((p) => p.honosEvaluations >= 2).map((p) => p.latestHonos! - p.firstHonos!);
      const goalCounts = Object.fromEntries(
        AXES.map((axis) => [axis, { achieved: 0, partlyAchieved: 0, notAchieved: 0, notAssessed: 0, open: 0 }]),
      ) as OutcomesRow['goals'];
      for (const g of goals) if (g.serviceId === id) goalCounts[g.axis][GOAL_KEY[g.status]] += g.n;
      return {
        serviceId: id,
        serviceName: names.get(id) ?? '',
        evaluated: mine.length,
        honos: {
          pairs: changes.length,
          meanChange: round1(changes.length ? changes.reduce((a, b) => a + b, 0) / changes.length : null),
          medianChange: median(changes),
        },
        goals: goalCounts,
        living: transitions(mine.filter((p) => p.livingEvaluations >= 2).map((p) => [p.firstLiving, p.latestLiving])),
        work: transitions(mine.filter((p) => p.workEvaluations >= 2).map((p) => [p.firstWork, p.latestWork])),
        medianDaysSubmissionToActive: median(mine.flatMap((p) => (p.daysSubmissionToActive === null ? [] : [p.daysSubmissionToActive]))),
        medianDaysDraftToActive: median(mine.flatMap((p) => (p.daysDraftToActive === null ? [] : [p.daysDraftToActive]))),
        followUps: followUps.find((f) => f.serviceId === id)?.n ?? 0,
      };
    })
    .sort((a, b) => a.serviceName.localeCompare(b.serviceName, 'it'));
  await auditRead(db, actor, {
    action: 'read',
    entity: 'report_outcomes',
    changes: { year, serviceId: serviceId ?? null, lot: lot ?? null },
  });
  return { year, rows };
}
