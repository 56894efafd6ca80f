import { ReviewsDueTable } from '../../components/ReviewsDueTable.tsx';
import { it } from '../../i18n/it.ts';

export function ReviewCalendarPage() {
  return (
    <>
      <h1>{it.uvm.calendarTitle}</h1>
      <ReviewsDueTable within={60} onlyOverdue={false} />
    </>
  );
}
