import { ReviewsDueTable } from '../../components/ReviewsDueTable.tsx';
import { it } from '../../i18n/it.ts';

export function OverdueReviewsPage() {
  return (
    <>
      <h1>{it.reports.overdueTitle}</h1>
      <ReviewsDueTable within={0} onlyOverdue />
    </>
  );
}
