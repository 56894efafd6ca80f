import type { PtriStatus } from '@bds/shared';
import { it } from '../i18n/it.ts';

export function StatusBadge({ status }: { status: PtriStatus }) {
  return <span className={`badge badge-${status}`}>{it.statuses[status]}</span>;
}
