// The project's life in one list: revisions, status changes, UVM evaluations and, per month,
// the interventions recorded by the cooperatives, newest first. Each entry is ordered by its
// calendar day (an evaluation has a day, not a time) and then by the time it was recorded.
import type { HistoryEntry, PtriDetail } from '@bds/shared';
import { labelOf, PTRI_FIELD_LABELS } from '@bds/shared/labels';
import { useInterventions } from '../../api/interventions.ts';
import { usePtriHistory } from '../../api/ptriHooks.ts';
import { it } from '../../i18n/it.ts';
import { formatDate, formatDateTime, formatMonth } from '../format.ts';
import { ErrorState, Loading } from '../States.tsx';

interface TimelineItem {
  key: string;
  /** Local "YYYY-MM-DD HH:MM:SS": text order is time order. */
  sortKey: string;
  when: string;
  title: string;
  lines: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A recorded instant as the local day and time, to sort beside calendar days. */
function localSortKey(timestamp: string): string {
  const d = new Date(timestamp);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The month's last day ("2026-11" → "2026-11-30"): its interventions are summed up then. */
function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${pad(new Date(year ?? 0, m ?? 0, 0).getDate())}`;
}

function historyItem(entry: HistoryEntry, index: number): TimelineItem {
  const who = entry.userName ?? '—';
  if (entry.kind === 'transition') {
    const from = entry.from ? labelOf(it.statuses, entry.from) : '—';
    const to = entry.to ? labelOf(it.statuses, entry.to) : '—';
    return {
      key: `h${index}`,
      sortKey: localSortKey(entry.at),
      when: formatDateTime(entry.at),
      title: `${it.ptri.transition}: ${from} → ${to}`,
      lines: [who, ...(entry.reason ? [`${it.ptri.reason}: ${entry.reason}`] : [])],
    };
  }
  const changed = Object.keys(entry.changes ?? {}).map((field) => labelOf(PTRI_FIELD_LABELS, field));
  return {
    key: `h${index}`,
    sortKey: localSortKey(entry.at),
    when: formatDateTime(entry.at),
    title: `${it.ptri.revision}${entry.version ? ` ${entry.version}` : ''}`,
    lines: [
      who,
      ...(changed.length ? [`${it.ptri.changed}: ${changed.join(', ')}`] : []),
      ...(entry.reason ? [`${it.ptri.reason}: ${entry.reason}`] : []),
    ],
  };
}

export function PtriTimeline({ ptri }: { ptri: PtriDetail }) {
  const history = usePtriHistory(ptri.id);
  const interventions = useInterventions({ ptriId: ptri.id });

  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;

  const items: TimelineItem[] = history.data.map(historyItem);
  for (const evaluation of ptri.evaluations) {
    items.push({
      key: `e${evaluation.id}`,
      sortKey: `${evaluation.date} 00:00:00`,
      when: formatDate(evaluation.date),
      title: `${it.ptri.evaluation} – ${labelOf(it.evaluationKinds, evaluation.kind)}`,
      lines: [
        labelOf(it.outcomes, evaluation.outcome),
        ...(evaluation.nextReviewDate ? [`${it.ptri.nextReview}: ${formatDate(evaluation.nextReviewDate)}`] : []),
      ],
    });
  }
  const byMonth = new Map<string, { count: number; hours: number }>();
  for (const intervention of interventions.data ?? []) {
    const month = intervention.date.slice(0, 7);
    const sum = byMonth.get(month) ?? { count: 0, hours: 0 };
    byMonth.set(month, { count: sum.count + 1, hours: sum.hours + intervention.hours });
  }
  for (const [month, sum] of byMonth) {
    items.push({
      key: `i${month}`,
      sortKey: `${monthEnd(month)} 23:59:59`,
      when: formatMonth(month),
      title: it.nav.interventions,
      lines: [it.ptri.interventionsCount(sum.count, sum.hours)],
    });
  }
  items.sort((a, b) => b.sortKey.localeCompare(a.sortKey));

  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={item.key}>
          <strong>{item.title}</strong> <span className="diff">{item.when}</span>
          {item.lines.map((line) => (
            <div key={line} className="diff">
              {line}
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
