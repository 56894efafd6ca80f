// Reply shapes the contract fixes but shared/ does not (yet) describe with a zod schema.
import type { Axis, Intensity } from '@bds/shared';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Intervention {
  id: number;
  ptriId: number;
  cooperativeId: number;
  date: string;
  axis: Axis;
  activity: string;
  hours: number;
  operatorRole: string;
  notes: string | null;
  personName?: string;
}

export interface InterventionInput {
  date: string;
  axis: Axis;
  activity: string;
  hours: number;
  operatorRole: string;
  notes?: string;
}

export type MonthlyReportStatus = 'open' | 'submitted' | 'validated' | 'returned';

export interface MonthlyReport {
  month: string;
  status: MonthlyReportStatus;
  note?: string | null;
  hours?: number;
  interventions?: number;
  submittedAt?: string | null;
  reviewedAt?: string | null;
}

export interface LotTotalsRow {
  lotId?: number;
  lot: number;
  cooperativeId?: number | null;
  cooperativeName?: string | null;
  users: number;
  projects: number;
  hours: number;
  amountValidated: number;
  amountPending: number;
  ceiling: number | null;
}

export interface LotTotals {
  year: number;
  month?: string | null;
  rows: LotTotalsRow[];
}

export interface CaseloadRow {
  serviceId: number;
  serviceCode?: string;
  serviceName: string;
  districtId?: number;
  active: number;
  byIntensity: Partial<Record<Intensity, number>>;
  byAxis: Partial<Record<Axis, number>>;
}

export interface Caseload {
  date: string;
  rows: CaseloadRow[];
}

export interface ReviewDue {
  ptriId: number;
  personName: string;
  serviceId: number;
  serviceName?: string;
  nextReviewDate: string;
  overdue: boolean;
}
