// The columns of a month's interventions, on the cooperative's month page and in the review of it.
import type { Intervention } from '@bds/shared';
import { it } from '../../i18n/it.ts';
import { formatDate, formatHours } from '../format.ts';
import type { Column } from '../reports/ReportTable.tsx';

/** `projectOf` names the project of a row: the person where the reader knows them. */
export function interventionColumns(projectOf: (ptriId: number | null) => string): Column<Intervention>[] {
  return [
    { head: it.coop.date, cell: (row) => formatDate(row.date) },
    { head: it.coop.project, cell: (row) => projectOf(row.ptriId) },
    { head: it.coop.axis, cell: (row) => it.axes[row.axis] },
    { head: it.coop.activity, cell: (row) => row.activity },
    { head: it.coop.hours, cell: (row) => formatHours(row.hours), num: true },
    { head: it.coop.operatorRole, cell: (row) => row.operatorRole },
  ];
}
