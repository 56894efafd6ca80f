// Reviews past their date, a page at a time: the same head, filters and CSV as every report.
import { reviewsDueQuery } from '@bds/shared';
import { useState } from 'react';
import { downloadReviewsDueCsv, type ReviewsDueFilters } from '../../api/reports.ts';
import { ReviewsDueTable } from '../../components/ReviewsDueTable.tsx';
import { ReportFrame } from '../../components/reports/ReportPage.tsx';
import { it } from '../../i18n/it.ts';

export function OverdueReviewsPage() {
  const [filters, setFilters] = useState<ReviewsDueFilters>({ within: 0 });
  return (
    <ReportFrame
      title={it.reports.overdueTitle}
      schema={reviewsDueQuery}
      filters={filters}
      onFilters={setFilters}
      fixed={['within']}
      downloadCsv={({ within, serviceId }) => downloadReviewsDueCsv(within, serviceId)}
    >
      <ReviewsDueTable within={0} onlyOverdue serviceId={filters.serviceId} />
    </ReportFrame>
  );
}
