// Italian formatting of dates, money and hours. Dates stay calendar strings (YYYY-MM-DD); the
// date, month, euro and hour forms are shared with the server. Imported from the shared
// package's light entry points, so that the first page loads without zod.
import { today as departmentToday } from '@bds/shared/dates';

export { formatDate, formatMonth } from '@bds/shared/dates';
export { formatCount as formatNumber, formatEuro, formatHours, formatPercent } from '@bds/shared/units';

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString('it-IT');
}

/** Today in Bologna, the department's date, whatever the browser's zone. */
export function today(): string {
  return departmentToday();
}

export function currentMonth(): string {
  return today().slice(0, 7);
}
