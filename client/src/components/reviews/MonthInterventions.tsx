// The interventions of a cooperative's month that the viewer may see, for checking before review.
import { useInterventions } from '../../api/interventions.ts';
import { it } from '../../i18n/it.ts';
import { interventionColumns } from '../coop/interventionColumns.tsx';
import { ReportTable } from '../reports/ReportTable.tsx';
import { QueryStates } from '../States.tsx';

const COLUMNS = interventionColumns((ptriId) => (ptriId ? it.ptri.titleOf(ptriId) : '—'));

export function MonthInterventions({ cooperativeId, month }: { cooperativeId: number; month: string }) {
  const query = useInterventions({ cooperativeId, month });
  return (
    <QueryStates query={query} empty={query.data?.length === 0}>
      {() => <ReportTable label={it.monthReviews.interventions} columns={COLUMNS} rows={query.data ?? []} rowKey={(row) => row.id} />}
    </QueryStates>
  );
}
