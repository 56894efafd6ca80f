import type { PtriStatus } from '@bds/shared';
import { it } from '../i18n/it.ts';

/** The status, and "Scaduto" beside it for an open project past its planned end. */
export function StatusBadge({ status, expired = false }: { status: PtriStatus; expired?: boolean }) {
  return (
    <>
      <span className={`badge badge-${status}`}>{it.statuses[status]}</span>
      {expired && <span className="badge badge-rejected">{it.ptri.expired}</span>}
    </>
  );
}
