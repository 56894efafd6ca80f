import { useState } from 'react';
import { downloadReviewsDueCsv } from '../../api/reports.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { Field } from '../../components/Field.tsx';
import { ReviewsDueTable } from '../../components/ReviewsDueTable.tsx';
import { ServiceFilter } from '../../components/reports/ServiceFilter.tsx';
import { it } from '../../i18n/it.ts';

const HORIZONS = [30, 60, 90, 180, 365];

export function ReviewCalendarPage() {
  const [within, setWithin] = useState(60);
  const [serviceId, setServiceId] = useState<number | undefined>(undefined);
  return (
    <>
      <div className="page-head">
        <h1>{it.uvm.calendarTitle}</h1>
        <DownloadButton download={() => downloadReviewsDueCsv(within, serviceId)} />
      </div>
      <div className="card row">
        <Field label={it.uvm.within}>
          <select value={within} onChange={(e) => setWithin(Number(e.target.value))}>
            {HORIZONS.map((days) => (
              <option key={days} value={days}>
                {it.uvm.withinDays(days)}
              </option>
            ))}
          </select>
        </Field>
        <ServiceFilter value={serviceId} onChange={setServiceId} />
      </div>
      <ReviewsDueTable within={within} onlyOverdue={false} serviceId={serviceId} />
    </>
  );
}
