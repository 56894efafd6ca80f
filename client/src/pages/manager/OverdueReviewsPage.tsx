import { useState } from 'react';
import { downloadReviewsDueCsv } from '../../api/reports.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { ReviewsDueTable } from '../../components/ReviewsDueTable.tsx';
import { ServiceFilter } from '../../components/reports/ServiceFilter.tsx';
import { it } from '../../i18n/it.ts';

export function OverdueReviewsPage() {
  const [serviceId, setServiceId] = useState<number | undefined>(undefined);
  return (
    <>
      <div className="page-head">
        <h1>{it.reports.overdueTitle}</h1>
        <DownloadButton download={() => downloadReviewsDueCsv(0, serviceId)} />
      </div>
      <div className="card row">
        <ServiceFilter value={serviceId} onChange={setServiceId} />
      </div>
      <ReviewsDueTable within={0} onlyOverdue serviceId={serviceId} />
    </>
  );
}
