// Where each demo person lives and works at each UVM evaluation, and after closure: most move a
// step towards living on their own and working, some stay, a few fall back, so the outcomes page
// tells a plausible story. Drawn from a generator of the project's own, so the rest of the demo
// (and its published counts) does not depend on it.
import type { LivingSituation, WorkSituation } from '@bds/shared';
import { createRandom, type Random } from './random.ts';

export interface Situation {
  living: LivingSituation;
  work: WorkSituation;
}

/** From the most protected to the most independent: a step forward moves one place right. */
const LIVING_LADDER: readonly LivingSituation[] = ['residential', 'lot3_flat', 'supported_housing', 'family', 'own_home'];
const WORK_LADDER: readonly WorkSituation[] = ['none', 'training', 'internship', 'sheltered', 'employed'];

function step<T>(random: Random, ladder: readonly T[], current: T): T {
  const at = ladder.indexOf(current);
  if (at < 0) return current;
  const roll = random.next();
  if (roll < 0.35 && at < ladder.length - 1) return ladder[at + 1]!;
  if (roll > 0.92 && at > 0) return ladder[at - 1]!;
  return current;
}

/** The situations at a project's evaluations, in order, then at its contacts after closure. */
export function situationsOf(ptriId: number, evaluations: number, followUps: number): Situation[] {
  const random = createRandom(0x5a1e0000 + ptriId);
  let current: Situation = {
    living: random.weighted<LivingSituation>([
      ['residential', 3],
      ['family', 4],
      ['supported_housing', 2],
      ['own_home', 2],
      ['lot3_flat', 1],
      ['homeless', 0.3],
    ]),
    work: random.weighted<WorkSituation>([
      ['none', 6],
      ['training', 2],
      ['sheltered', 1.5],
      ['internship', 1],
      ['employed', 0.5],
    ]),
  };
  const situations: Situation[] = [];
  for (let i = 0; i < evaluations + followUps; i++) {
    if (i > 0) current = { living: step(random, LIVING_LADDER, current.living), work: step(random, WORK_LADDER, current.work) };
    situations.push(current);
  }
  return situations;
}
