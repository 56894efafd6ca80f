// The project's life in one list: revisions, status changes, UVM evaluations and, per month,
// the interventions recorded by the cooperatives.
import { labelOf, type HistoryEntry, type PtriDetail } from '@bds/shared';
import { useInterventions } from '../../api/interventions.ts';
import { usePtriHistory } from '../../api/ptriHooks.ts';
import { it } from '../../i18n/it.ts';
import { formatDate, formatDateTime, formatMonth } from '../format.ts';
import { ErrorState, Loading } from '../States.tsx';

interface TimelineItem {
  key: string;
  at: string;
  title: string;
  lines: string[];
}

function historyItem(entry: HistoryEntry, index: number): TimelineItem {
  const who = entry.userName ?? '—';
  if (entry.kind === 'transition') {
    const from = entry.from ? labelOf(it.statuses, entry.from) : '—';
    const to = entry.to ? labelOf(it.statuses, entry.to) : '—';
    return { key: `h${index}`, at: entry.at, title: `${it.ptri.transition}: ${from} → ${to}`, lines: [who, ...(entry.reason ? [`${it.ptri.reason}: ${entry.reason}`] : [])] };
  }
  const changed = Object.keys(entry.changes ?? {});
  return {
    key: `h${index}`,
    at: entry.at,
    title: `${it.ptri.revision}${entry.version ? ` ${entry.version}` : ''}`,
    lines: [who, ...(changed.length ? [changed.join(', ')] : []), ...(entry.reason ? [`${it.ptri.reason}: ${entry.reason}`] : [])],
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
      at: evaluation.date,
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
    items.push({ key: `i${month}`, at: `${month}-31`, title: `${it.nav.interventions} ${formatMonth(month)}`, lines: [it.ptri.interventionsCount(sum.count, sum.hours)] });
  }
  items.sort((a, b) => (a.at < b.at ? 1 : -1));

  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={item.key}>
          <strong>{item.title}</strong> <span className="diff">{item.at.length > 10 ? formatDateTime(item.at) : formatDate(item.at)}</span>
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
