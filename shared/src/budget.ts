// The Budget di Salute as one table: amounts and hours per axis and source, and the share of
// the resources not paid by the AUSL. The project page and the composition report both use it.
import { AXES, BUDGET_SOURCES, type Axis, type BudgetSource, type LineConfirmation } from './domain.ts';

export interface BudgetCell {
  axis: Axis;
  source: BudgetSource;
  /** Cents and minutes: sums of floats drift. */
  amountCents: number;
  minutes: number;
}

/** The lines of a budget summed per axis and source, every cell present (zero where none). */
export function budgetBySource(lines: readonly { axis: Axis; source: BudgetSource; amountCents: number | null; minutes: number | null }[]) {
  const cells = AXES.flatMap((axis) => BUDGET_SOURCES.map((source): BudgetCell => ({ axis, source, amountCents: 0, minutes: 0 })));
  for (const line of lines) {
    const cell = cells.find((candidate) => candidate.axis === line.axis && candidate.source === line.source);
    if (!cell) continue;
    cell.amountCents += line.amountCents ?? 0;
    cell.minutes += line.minutes ?? 0;
  }
  return cells;
}

/** The share (0–1) of the euros not paid by the AUSL; null when there are no euros at all. */
export function nonAuslShare(cells: readonly { source: BudgetSource; amountCents: number }[]): number | null {
  const total = cells.reduce((sum, cell) => sum + cell.amountCents, 0);
  if (total === 0) return null;
  const ausl = cells.filter((cell) => cell.source === 'ausl').reduce((sum, cell) => sum + cell.amountCents, 0);
  return Math.round(((total - ausl) / total) * 1000) / 1000;
}

/** What decides a budget line's confirmation: who brings it and how much. */
interface ConfirmedTerms {
  source: BudgetSource;
  minutes: number | null;
  amountCents: number | null;
}

/**
 * A budget line's confirmation once saved: only social-services lines carry one; a new line, or
 * one whose source, hours or amount changed, is (again) proposed; otherwise it keeps the social
 * worker's decision across revisions.
 */
export function confirmationAfterSave(
  before: (ConfirmedTerms & { confirmation: LineConfirmation | null }) | undefined,
  after: ConfirmedTerms,
): LineConfirmation | null {
  if (after.source !== 'social_services') return null;
  const sameTerms =
    before !== undefined && before.source === after.source && before.minutes === after.minutes && before.amountCents === after.amountCents;
  return sameTerms ? (before.confirmation ?? 'proposed') : 'proposed';
}
