// Projects submitted to the UVM of the user's district, waiting for evaluation.
import type { PtriFilters } from '../../api/ptris.ts';
import { usePtriCount, usePtriList } from '../../api/ptriHooks.ts';
import { nameOf, useServices } from '../../api/reference.ts';
import { PtriTable } from '../../components/PtriTable.tsx';
import { it } from '../../i18n/it.ts';

const SUBMITTED: PtriFilters = { status: 'submitted' };

export function UvmQueuePage() {
  const services = useServices();
  const query = usePtriList(SUBMITTED);
  const count = usePtriCount(SUBMITTED);
  return (
    <>
      <h1>{it.uvm.queueTitle}</h1>
      <PtriTable query={query} count={count.data} caption={it.uvm.queueTitle} serviceName={(id) => nameOf(services.data, id)} />
    </>
  );
}
