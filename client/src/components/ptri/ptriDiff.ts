// What changed between two versions of a project, in words a user can check.
import type { PtriDetail } from '@bds/shared';
import { it } from '../../i18n/it.ts';
import { formatDate, formatEuro, formatHours } from '../format.ts';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function goalsText(ptri: PtriDetail): string {
  return ptri.goals.map((goal) => `${it.axes[goal.axis]}: ${goal.description} (${it.goalStatuses[goal.status]})`).join(' · ') || '—';
}

function budgetText(ptri: PtriDetail): string {
  return (
    ptri.budgetLines
      .map(
        (line) =>
          `${it.axes[line.axis]} – ${it.budgetSources[line.source]}: ${line.description}${line.hours == null ? '' : ` ${formatHours(line.hours)} h`} ${formatEuro(line.amount)}`,
      )
      .join(' · ') || '—'
  );
}

const FIELDS: { label: string; text: (ptri: PtriDetail) => string }[] = [
  { label: it.ptri.status, text: (p) => it.statuses[p.status] },
  { label: it.ptri.startDate, text: (p) => formatDate(p.startDate) },
  { label: it.ptri.endDate, text: (p) => formatDate(p.endDate) },
  { label: it.ptri.intensity, text: (p) => it.intensities[p.intensity] },
  { label: it.ptri.cooperatives, text: (p) => [...p.cooperativeIds].sort((a, b) => a - b).join(', ') || '—' },
  { label: it.ptri.goals, text: goalsText },
  { label: it.ptri.budget, text: budgetText },
  { label: it.ptri.notes, text: (p) => p.notes ?? '—' },
  { label: it.ptri.nextReview, text: (p) => formatDate(p.nextReviewDate) },
];

export function diffPtri(before: PtriDetail, after: PtriDetail): FieldChange[] {
  return FIELDS.flatMap(({ label, text }) => {
    const a = text(before);
    const b = text(after);
    return a === b ? [] : [{ field: label, before: a, after: b }];
  });
}
