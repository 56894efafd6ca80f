// The social worker's own UVM meetings: the evaluations that name it among the members, newest
// first, with the outcome and the next review.
import type { MemberEvaluation } from '@bds/shared';
import { useMemberEvaluations } from '../../api/resources.ts';
import { ShowMore } from '../../components/Paging.tsx';
import { QueryStates } from '../../components/States.tsx';
import { ReportTable, type Column } from '../../components/reports/ReportTable.tsx';
import { formatDate } from '../../components/format.ts';
import { it } from '../../i18n/it.ts';
import { uvmMember as t } from '../../i18n/itResources.ts';

const COLUMNS: readonly Column<MemberEvaluation>[] = [
  { head: t.date, cell: (row) => formatDate(row.date) },
  // No link: the person may live outside the district, whose projects stay out of reach.
  { head: t.person, cell: (row) => row.personName },
  { head: t.kind, cell: (row) => it.evaluationKinds[row.kind] },
  { head: t.outcome, cell: (row) => it.outcomes[row.outcome] },
  { head: t.nextReview, cell: (row) => formatDate(row.nextReviewDate) },
];

export function MemberEvaluationsPage() {
  const query = useMemberEvaluations();
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.help}</p>
      <QueryStates query={query} empty={rows.length === 0}>
        {() => <ReportTable label={t.title} columns={COLUMNS} rows={rows} rowKey={(row) => row.evaluationId} />}
      </QueryStates>
      <ShowMore query={query} />
    </>
  );
}
