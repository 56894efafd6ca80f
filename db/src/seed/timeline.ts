// Turns care episodes into the projects that cover them: consecutive 12-month PTRIs, each
// with its submission, UVM evaluations, renewals or extension, suspensions and closure.
import type { EvaluationOutcome, Intensity, PtriStatus } from '@bds/shared';
import { addDays, addMonths, daysBetween, maxDate, minDate } from '@bds/shared';
import { TODAY, randomDate } from './dates.ts';
import type { CareEpisode, PendingProject } from './plan.ts';
import type { Random } from './random.ts';

export type ClosureKind = 'renewal' | 'completed' | 'early';

export interface PlannedEvaluation {
  date: string;
  kind: 'initial' | 'review' | 'final';
  outcome: EvaluationOutcome;
  /** The intensity decided, when the UVM changed it. */
  newIntensity?: Intensity;
  /** The new end date, when the UVM extended the project. */
  newEndDate?: string;
  previousEndDate?: string;
}

export interface Suspension {
  from: string;
  to: string | null;
}

export interface ProjectPlan {
  lot: number;
  status: PtriStatus;
  intensity: Intensity;
  startDate: string;
  endDate: string;
  activatedOn: string | null;
  endedOn: string | null;
  createdOn: string;
  submittedOn: string | null;
  /** A submitted project sent back to draft once, before being submitted again. */
  returnedOn: string | null;
  evaluations: PlannedEvaluation[];
  suspensions: Suspension[];
  closure: ClosureKind | null;
}

const INTENSITY_STEPS: readonly Intensity[] = ['high', 'medium', 'low'];

function stepDown(intensity: Intensity): Intensity {
  return INTENSITY_STEPS[Math.min(2, INTENSITY_STEPS.indexOf(intensity) + 1)] ?? 'low';
}

function draftProject(random: Random, lot: number, startDate: string, intensity: Intensity, initialOn: string): ProjectPlan {
  const submittedOn = addDays(initialOn, -random.int(7, 30));
  return {
    lot,
    status: 'draft',
    intensity,
    startDate,
    endDate: addDays(addMonths(startDate, random.chance(0.1) ? 6 : 12), -1),
    activatedOn: null,
    endedOn: null,
    createdOn: addDays(submittedOn, -random.int(8, 30)),
    submittedOn,
    returnedOn: random.chance(0.08) ? addDays(submittedOn, -1) : null,
    evaluations: [],
    suspensions: [],
    closure: null,
  };
}

/** The intensity in force after the evaluations so far. */
export function currentIntensity(project: ProjectPlan): Intensity {
  return project.evaluations.reduce((last, evaluation) => evaluation.newIntensity ?? last, project.intensity);
}

/** Reviews every six months from the last evaluation, up to `until` (excluded). */
function addReviews(random: Random, project: ProjectPlan, until: string): void {
  const last = project.evaluations[project.evaluations.length - 1];
  if (!last) return;
  let intensity = currentIntensity(project);
  for (let date = addMonths(last.date, 6); date < until; date = addMonths(date, 6)) {
    const changed = random.chance(0.2) && intensity !== 'low';
    if (changed) intensity = stepDown(intensity);
    project.evaluations.push(
      changed
        ? { date, kind: 'review', outcome: 'approved_with_changes', newIntensity: intensity }
        : { date, kind: 'review', outcome: 'approved' },
    );
  }
}

function suspend(random: Random, project: ProjectPlan, limit: string, ongoing: boolean): void {
  const activatedOn = project.activatedOn ?? project.startDate;
  const from = ongoing ? addDays(limit, -120) : addDays(activatedOn, 30);
  const to = ongoing ? addDays(limit, -5) : addDays(limit, -90);
  if (from > to || addDays(activatedOn, 30) > to) return;
  const start = randomDate(random, maxDate(from, addDays(activatedOn, 30)), to);
  project.suspensions.push({ from: start, to: ongoing ? null : addDays(start, random.int(20, 60)) });
}

/** The chain of projects covering one episode of care. */
export function projectsOfEpisode(random: Random, episode: CareEpisode): ProjectPlan[] {
  const projects: ProjectPlan[] = [];
  let intensity = random.weighted<Intensity>([
    ['high', 3],
    ['medium', 5],
    ['low', 2],
  ]);
  let start = episode.start;
  let first = true;
  for (;;) {
    const lateBy = first && Number(start.slice(8)) <= 15 && random.chance(0.2) ? random.int(1, 10) : 0;
    const initialOn = lateBy > 0 ? addDays(start, lateBy) : addDays(start, -random.int(4, 20));
    const project = draftProject(random, episode.lot, start, intensity, initialOn);
    project.activatedOn = addDays(start, lateBy);
    project.evaluations.push({ date: initialOn, kind: 'initial', outcome: random.chance(0.25) ? 'approved_with_changes' : 'approved' });
    projects.push(project);
    first = false;
    for (;;) {
      if (episode.end !== null && episode.end <= project.endDate) {
        close(random, project, episode.end, daysBetween(episode.end, project.endDate) <= 15 ? 'completed' : 'early');
        return projects;
      }
      if (episode.end === null && (project.endDate >= TODAY || (episode.tail === 'overdue' && daysBetween(project.endDate, TODAY) <= 75))) {
        keepOpen(random, project, episode.tail);
        return projects;
      }
      const extended = project.evaluations.some((evaluation) => evaluation.newEndDate);
      if (extended || !random.chance(0.25)) break;
      const decidedOn = addDays(project.endDate, -random.int(5, 20));
      addReviews(random, project, decidedOn);
      const previousEndDate = project.endDate;
      project.endDate = addMonths(previousEndDate, 12);
      project.evaluations.push({
        date: decidedOn,
        kind: 'review',
        outcome: 'approved_with_changes',
        newEndDate: project.endDate,
        previousEndDate,
      });
    }
    close(random, project, project.endDate, 'renewal');
    intensity = currentIntensity(project);
    start = addDays(project.endDate, 1);
  }
}

function close(random: Random, project: ProjectPlan, endedOn: string, closure: ClosureKind): void {
  const finalOn = closure === 'renewal' ? addDays(endedOn, -random.int(3, 15)) : endedOn;
  addReviews(random, project, addDays(finalOn, -20));
  if (random.chance(0.06)) suspend(random, project, endedOn, false);
  project.evaluations.push({ date: finalOn, kind: 'final', outcome: 'approved' });
  project.evaluations.sort((a, b) => a.date.localeCompare(b.date));
  Object.assign(project, { status: 'closed', endedOn, closure });
}

function keepOpen(random: Random, project: ProjectPlan, tail: CareEpisode['tail']): void {
  addReviews(random, project, minDate(TODAY, addDays(project.endDate, 1)));
  project.evaluations.sort((a, b) => a.date.localeCompare(b.date));
  // A few active projects whose last review did not take place: overdue for the UVM.
  const last = project.evaluations[project.evaluations.length - 1];
  if (tail === 'overdue' && last?.kind === 'review' && !last.newEndDate) project.evaluations.pop();
  if (tail === 'suspended') {
    suspend(random, project, TODAY, true);
    if (project.suspensions.length > 0) {
      const from = project.suspensions[0]?.from ?? TODAY;
      project.evaluations = project.evaluations.filter((evaluation) => evaluation.date < from);
      project.status = 'suspended';
      return;
    }
  } else if (random.chance(0.08)) {
    suspend(random, project, minDate(TODAY, project.endDate), false);
  }
  project.status = 'active';
}

/** A project that never became active: in draft, waiting for the UVM, or turned down. */
export function pendingProject(random: Random, pending: PendingProject): ProjectPlan {
  const intensity = random.weighted<Intensity>([
    ['high', 3],
    ['medium', 5],
    ['low', 2],
  ]);
  if (pending.status === 'rejected') {
    const decidedOn = addDays(pending.start, -random.int(4, 20));
    const project = draftProject(random, pending.lot, pending.start, intensity, decidedOn);
    project.evaluations.push({ date: decidedOn, kind: 'initial', outcome: 'not_approved' });
    return { ...project, status: 'rejected' };
  }
  const submittedOn = addDays(TODAY, -random.int(3, 45));
  const project = draftProject(random, pending.lot, pending.start, intensity, addDays(submittedOn, 14));
  if (pending.status === 'draft') {
    const createdOn = addDays(TODAY, -random.int(1, 40));
    return { ...project, status: 'draft', createdOn, submittedOn: null, returnedOn: null };
  }
  const postponed = random.chance(0.2) && addDays(submittedOn, 10) < TODAY;
  if (postponed) project.evaluations.push({ date: addDays(submittedOn, 10), kind: 'initial', outcome: 'postponed' });
  return {
    ...project,
    status: 'submitted',
    submittedOn,
    returnedOn: project.returnedOn ? addDays(submittedOn, -1) : null,
    createdOn: addDays(submittedOn, -random.int(8, 30)),
  };
}

/** A renewal drafted for a project that ends within the next weeks. */
export function renewalDraft(random: Random, current: ProjectPlan): ProjectPlan | null {
  if (current.status !== 'active' || daysBetween(TODAY, current.endDate) > 75 || current.endDate < TODAY || !random.chance(0.5)) {
    return null;
  }
  const draft = pendingProject(random, { lot: current.lot, status: 'draft', start: addDays(current.endDate, 1) });
  return { ...draft, intensity: current.intensity };
}
