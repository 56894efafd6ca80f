// The parts of a cooperative's month. A service's part is keyed by its service id; a
// department-wide part (DEPARTMENT_PART_KINDS) by its DEPARTMENT_PART_KEYS key in the same
// `service_id` column of monthly_report_parts and lot_month_totals (no foreign key there since
// migration 0030), so the month's status, its submission and the lot totals treat every part
// alike, on the same indexes.
import type { Db, Queryable } from '@bds/db';
import {
  DEPARTMENT_PART_KEYS,
  DEPARTMENT_PART_KINDS,
  DEPARTMENT_PART_LABELS,
  formatMonth,
  MONTH_STATUS_LABELS,
  partEditable,
  type DepartmentPartKind,
  type PartKind,
} from '@bds/shared';
import { Conflict } from '../errors.ts';
import { monthState } from '../interventions/queries.ts';
import { summaryStatusOf } from '../interventions/rules.ts';
import { summaryWriter } from '../interventions/summaries.ts';

/** The stored key of a department-wide part. */
export const departmentPartKey = (kind: DepartmentPartKind): number => DEPARTMENT_PART_KEYS[kind];

/** What a stored part key names, as the API shows it: `serviceId` null for a department-wide part. */
export function partIdentityOf(key: number, serviceName: string | null): { kind: PartKind; serviceId: number | null; serviceName: string } {
  const kind = DEPARTMENT_PART_KINDS.find((k) => DEPARTMENT_PART_KEYS[k] === key);
  return kind
    ? { kind, serviceId: null, serviceName: DEPARTMENT_PART_LABELS[kind] }
    : { kind: 'service', serviceId: key, serviceName: serviceName ?? '' };
}

export interface DepartmentWork {
  kind: DepartmentPartKind;
  lotId: number;
  cooperativeId: number;
  /** 'YYYY-MM' of the work's date. */
  month: string;
  minutes: number;
  amountCents: number;
  /** +1 for a record added, -1 for one removed (minutes and amount then negative too). */
  count: number;
}

/** Whether work of a department-wide part of a month may still change: the part is open or returned. */
export function departmentPartEditable(tx: Queryable, kind: DepartmentPartKind, cooperativeId: number, month: string): boolean {
  const state = monthState(tx, cooperativeId, month);
  return partEditable(state.monthStatus, state.parts.get(departmentPartKey(kind))?.status);
}

/**
 * Counts work of a department-wide part (a flat's hours, a community session) in the month's
 * totals; call it inside the transaction that writes or deletes the work's own row, with the
 * outer `db` (its statements are prepared on the connection). Refuses with 409 a month whose
 * part was submitted or validated, like a service's interventions.
 */
export function addDepartmentWork(db: Db, tx: Queryable, work: DepartmentWork): void {
  const key = departmentPartKey(work.kind);
  const state = monthState(tx, work.cooperativeId, work.month);
  const part = state.parts.get(key);
  if (!partEditable(state.monthStatus, part?.status)) {
    const status = MONTH_STATUS_LABELS[part?.status ?? state.monthStatus ?? 'open'];
    throw new Conflict(`Il mese di ${formatMonth(work.month)} è in stato «${status}»: non si può modificare`);
  }
  summaryWriter(db).addTotals(
    { lotId: work.lotId, cooperativeId: work.cooperativeId, month: work.month, serviceId: key, status: summaryStatusOf(part?.status) },
    work.minutes,
    work.amountCents,
    work.count,
  );
}
