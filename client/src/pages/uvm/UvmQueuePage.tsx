// Projects submitted to the UVM of the user's district, waiting for evaluation.
import { usePtriList } from '../../api/ptriHooks.ts';
import { nameOf, useServices } from '../../api/reference.ts';
import { PtriTable } from '../../components/PtriTable.tsx';
import { it } from '../../i18n/it.ts';

export function UvmQueuePage() {
  const services = useServices();
  const query = usePtriList({ status: 'submitted' });
  return (
    <>
      <h1>{it.uvm.queueTitle}</h1>
      <PtriTable query={query} caption={it.uvm.queueTitle} serviceName={(id) => nameOf(services.data, id)} />
    </>
  );
}
