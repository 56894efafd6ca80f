// Writes one planned project and everything around it (goals, budget, cooperatives, versions,
// status moves, UVM evaluations) with prepared statements.
import { honosTotal, type Axis, type EvaluationOutcome, type Intensity } from '@bds/shared';
import type { Db } from '../connection.ts';
import {
  CLOSURE_REASONS,
  EVALUATION_NOTES,
  GOALS,
  REJECTION_REASONS,
  RESUME_REASON,
  RETURN_REASON,
  SUSPENSION_REASONS,
  budgetLines,
  goalStatus,
  uvmMembers,
} from './content.ts';
import { addDays, addMonths, daysBetween, minDate } from '@bds/shared';
import { TODAY, randomDate, timestampOn } from './dates.ts';
import type { Random } from './random.ts';
import { situationsOf } from './situations.ts';
import { currentIntensity, type PlannedEvaluation, type ProjectPlan } from './timeline.ts';

export interface ProjectContext {
  personId: number;
  personName: string;
  serviceId: number;
  isNpia: boolean;
  lotId: number;
  rateCents: number;
  caseManager: { id: number; name: string };
  uvmId: number;
  cooperatives: { id: number; name: string }[];
}

const WEEKLY_MINUTES: Record<Intensity, number> = { high: 480, medium: 300, low: 180 };

export type ProjectWriter = (random: Random, plan: ProjectPlan, context: ProjectContext) => void;

export function projectWriter(db: Db): ProjectWriter {
  const c = db.$client;
  const insertPtri = c.prepare(`INSERT INTO ptris (person_id, service_id, lot_id, case_manager_id, status, intensity, start_date, end_date,
    activated_on, ended_on, next_review_date, notes, version, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertGoal = c.prepare('INSERT INTO goals (ptri_id, axis, description, target_date, status, position) VALUES (?, ?, ?, ?, ?, ?)');
  const insertLine = c.prepare(`INSERT INTO budget_lines (ptri_id, axis, source, description, minutes, amount_cents, position)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertCooperative = c.prepare('INSERT INTO ptri_cooperatives (ptri_id, cooperative_id) VALUES (?, ?)');
  const insertRevision = c.prepare(`INSERT INTO ptri_revisions (ptri_id, version, revision, snapshot, changes, reason, user_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTransition =
    c.prepare(`INSERT INTO ptri_transitions (ptri_id, from_status, to_status, reason, effective_date, user_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertEvaluation = c.prepare(`INSERT INTO evaluations (ptri_id, date, kind, members, outcome, intensity, scores, honos_total,
    next_review_date, notes, living, work, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertFollowUp = c.prepare(
    `INSERT INTO follow_ups (ptri_id, date, living, work, note, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const touchPtri = c.prepare('UPDATE ptris SET updated_at = ? WHERE id = ?');
  const insertSignature = c.prepare(`INSERT INTO ptri_signatures (ptri_id, revision, signer, name, date, method, recorded_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const setPersonSigned = c.prepare('UPDATE ptris SET person_signed_revision = ? WHERE id = ?');

  return (random, plan, ctx) => {
    const intensity = currentIntensity(plan);
    const extension = plan.evaluations.find((evaluation) => evaluation.previousEndDate);
    const plannedEnd = extension?.previousEndDate ?? plan.endDate;
    const revisions = plan.evaluations.filter((evaluation) => evaluation.newIntensity || evaluation.newEndDate);
    const lastEvaluation = plan.evaluations[plan.evaluations.length - 1];
    const inForce = plan.status === 'active' || plan.status === 'suspended';
    const nextReview = inForce && lastEvaluation ? addMonths(lastEvaluation.date, 6) : null;
    const createdAt = timestampOn(random, plan.createdOn);
    let updatedAt = createdAt;
    const stamp = (date: string): string => {
      const at = timestampOn(random, date);
      if (at > updatedAt) updatedAt = at;
      return at;
    };

    const ptriId = Number(
      insertPtri.run(
        ctx.personId,
        ctx.serviceId,
        ctx.lotId,
        ctx.caseManager.id,
        plan.status,
        intensity,
        plan.startDate,
        plan.endDate,
        plan.activatedOn,
        plan.endedOn,
        nextReview,
        null,
        1 + revisions.length,
        // Every version the demo saves changes the content: each is a content revision.
        1 + revisions.length,
        createdAt,
        createdAt,
      ).lastInsertRowid,
    );

    const goals = chooseGoals(random, plan);
    goals.forEach((goal, index) => insertGoal.run(ptriId, goal.axis, goal.description, goal.targetDate, goal.status, index + 1));
    const axes = [...new Set(goals.map((goal) => goal.axis))];
    const weeks = Math.max(4, Math.round(daysBetween(plan.startDate, plannedEnd) / 7));
    const lines = budgetLines(random, axes, WEEKLY_MINUTES[plan.intensity], weeks, ctx.rateCents);
    lines.forEach((line, index) =>
      insertLine.run(ptriId, line.axis, line.source, line.description, line.minutes, line.amountCents, index + 1),
    );
    for (const cooperative of ctx.cooperatives) insertCooperative.run(ptriId, cooperative.id);

    // Versions: the first draft, then each change decided by the UVM.
    let snapshot = {
      startDate: plan.startDate,
      endDate: plannedEnd,
      intensity: plan.intensity,
      cooperativeIds: ctx.cooperatives.map((cooperative) => cooperative.id),
      goals: goals.map(({ axis, description, targetDate }) => ({ axis, description, targetDate })),
      budgetLines: lines,
    };
    insertRevision.run(ptriId, 1, 1, JSON.stringify(snapshot), null, 'Prima stesura del progetto', ctx.caseManager.id, createdAt);
    revisions.forEach((evaluation, index) => {
      const changes = evaluation.newEndDate
        ? { endDate: { before: snapshot.endDate, after: evaluation.newEndDate } }
        : { intensity: { before: snapshot.intensity, after: evaluation.newIntensity } };
      snapshot = {
        ...snapshot,
        ...(evaluation.newEndDate ? { endDate: evaluation.newEndDate } : {}),
        ...(evaluation.newIntensity ? { intensity: evaluation.newIntensity } : {}),
      };
      const reason = evaluation.newEndDate ? 'Proroga di 12 mesi decisa in UVM' : "Rimodulazione dell'intensità decisa in UVM";
      insertRevision.run(
        ptriId,
        index + 2,
        index + 2,
        JSON.stringify(snapshot),
        JSON.stringify(changes),
        reason,
        ctx.caseManager.id,
        stamp(addDays(evaluation.date, 1)),
      );
    });

    // Status moves.
    const move = (from: string, to: string, date: string, userId: number, reason: string | null, recordedOn = date) =>
      insertTransition.run(ptriId, from, to, reason, date, userId, stamp(recordedOn));
    if (plan.submittedOn) {
      if (plan.returnedOn) {
        move('draft', 'submitted', addDays(plan.returnedOn, -5), ctx.caseManager.id, null);
        move('submitted', 'draft', plan.returnedOn, ctx.uvmId, RETURN_REASON);
      }
      move('draft', 'submitted', plan.submittedOn, ctx.caseManager.id, null);
    }
    const initial = plan.evaluations.find((evaluation) => evaluation.kind === 'initial');
    if (plan.status === 'rejected' && initial) move('submitted', 'rejected', initial.date, ctx.uvmId, random.pick(REJECTION_REASONS));
    if (plan.activatedOn && initial)
      move('submitted', 'active', plan.activatedOn, ctx.uvmId, null, minDate(initial.date, plan.activatedOn));
    for (const suspension of plan.suspensions) {
      move('active', 'suspended', suspension.from, ctx.caseManager.id, random.pick(SUSPENSION_REASONS));
      if (suspension.to) move('suspended', 'active', suspension.to, ctx.caseManager.id, RESUME_REASON);
    }
    if (plan.endedOn && plan.closure) {
      const by = plan.closure === 'early' ? ctx.caseManager.id : ctx.uvmId;
      move('active', 'closed', plan.endedOn, by, random.pick(CLOSURE_REASONS[plan.closure]));
    }

    // UVM evaluations, with HoNOS for adults (young people are assessed with HoNOSCA, not kept here).
    const baseline = Array.from({ length: 12 }, () =>
      random.weighted([
        [0, 1],
        [1, 3],
        [2, 4],
        [3, 3],
        [4, 1],
      ] as const),
    );
    const cooperativeName = ctx.cooperatives[0]?.name ?? 'Cooperativa';
    let decided = plan.intensity;
    const followUpDates =
      plan.status === 'closed' && plan.endedOn
        ? [addMonths(plan.endedOn, 3), addMonths(plan.endedOn, 9)].filter((date) => date <= TODAY)
        : [];
    const situations = situationsOf(ptriId, plan.evaluations.length, followUpDates.length);
    plan.evaluations.forEach((evaluation, index) => {
      decided = evaluation.newIntensity ?? decided;
      const honos = ctx.isNpia ? null : honosScores(random, baseline, index);
      const situation = situations[index]!;
      insertEvaluation.run(
        ptriId,
        evaluation.date,
        evaluation.kind,
        JSON.stringify(uvmMembers(random, ctx.caseManager.name, cooperativeName, ctx.personName)),
        evaluation.outcome,
        decided,
        honos ? JSON.stringify({ honos }) : null,
        honos ? honosTotal(honos) : null,
        nextReviewAfter(evaluation),
        random.pick(EVALUATION_NOTES[evaluation.kind]),
        situation.living,
        situation.work,
        ctx.uvmId,
        stamp(evaluation.date),
      );
    });
    followUpDates.forEach((date, index) => {
      const situation = situations[plan.evaluations.length + index]!;
      insertFollowUp.run(ptriId, date, situation.living, situation.work, null, ctx.caseManager.id, `${date}T10:00:00.000Z`);
    });
    writeSignatures(ptriId, plan, revisions, ctx);
    touchPtri.run(updatedAt, ptriId);
  };

  /**
   * Who signed which revision: the person (a guardian for one in ten) and the case manager sign
   * the revision sent to the UVM, the person each revision the UVM changed a week later, except
   * changes of the last three weeks ("firma in attesa") and one in four projects still awaiting
   * the UVM. Chosen from the project's id, not the random stream, so the rest of the demo is unchanged.
   */
  function writeSignatures(ptriId: number, plan: ProjectPlan, revisions: readonly PlannedEvaluation[], ctx: ProjectContext) {
    if (!plan.submittedOn) return;
    if (plan.status === 'submitted' && ptriId % 4 === 0) return;
    const byGuardian = ptriId % 10 === 0;
    const signer = byGuardian ? 'guardian' : 'person';
    const name = byGuardian ? GUARDIANS[ptriId % GUARDIANS.length]! : ctx.personName;
    const sign = (revision: number, date: string, who: string, whoName: string, method: string) =>
      insertSignature.run(ptriId, revision, who, whoName, date, method, ctx.caseManager.id, `${date}T11:00:00.000Z`);
    sign(1, plan.submittedOn, signer, name, 'paper');
    sign(1, plan.submittedOn, 'case_manager', ctx.caseManager.name, 'paper');
    let signed = 1;
    revisions.forEach((evaluation, index) => {
      const date = addDays(evaluation.date, 7);
      if (date > addDays(TODAY, -14)) return;
      sign(index + 2, date, signer, name, ptriId % 3 === 0 ? 'in_person' : 'paper');
      signed = index + 2;
    });
    setPersonSigned.run(signed, ptriId);
  }
}

/** Fictional support administrators and guardians of the demo. */
const GUARDIANS = ['Avv. Laura Benassi', 'Avv. Paolo Gherardi', 'Giovanna Marchi', 'Avv. Silvia Fantuzzi', 'Roberto Zanardi'];

function nextReviewAfter(evaluation: PlannedEvaluation): string | null {
  const outcome: EvaluationOutcome = evaluation.outcome;
  if (evaluation.kind === 'final' || outcome === 'not_approved') return null;
  return outcome === 'postponed' ? addMonths(evaluation.date, 1) : addMonths(evaluation.date, 6);
}

/** Items drift down as the project goes on; 9 (not known) now and then. */
function honosScores(random: Random, baseline: readonly number[], index: number): number[] {
  return baseline.map((base) => {
    if (random.chance(0.04)) return 9;
    const better = random.chance(Math.min(0.6, 0.15 * index)) ? 1 : 0;
    return Math.max(0, Math.min(4, base - better + (random.chance(0.1) ? 1 : 0)));
  });
}

interface GoalRow {
  axis: Axis;
  description: string;
  targetDate: string;
  status: ReturnType<typeof goalStatus>;
}

function chooseGoals(random: Random, plan: ProjectPlan): GoalRow[] {
  const count = random.int(2, 5);
  const axes: Axis[] = plan.lot === 3 ? ['habitat'] : [];
  while (axes.length < count)
    axes.push(
      random.weighted<Axis>([
        ['habitat', 3],
        ['sociality', 4],
        ['work', 3],
      ]),
    );
  const used = new Set<string>();
  const monthsRunning = plan.activatedOn ? Math.floor(daysBetween(plan.activatedOn, minDate(TODAY, plan.endDate)) / 30) : 0;
  return axes.map((axis) => {
    const free = GOALS[axis].filter((description) => !used.has(description));
    const description = random.pick(free.length > 0 ? free : GOALS[axis]);
    used.add(description);
    const targetDate = randomDate(random, minDate(addMonths(plan.startDate, 3), plan.endDate), plan.endDate);
    return { axis, description, targetDate, status: goalStatus(random, plan.status, plan.closure, monthsRunning) };
  });
}
