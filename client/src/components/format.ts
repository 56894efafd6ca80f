// Italian formatting of dates, money and hours. Dates stay calendar strings (YYYY-MM-DD); the
// date, month, euro and hour forms are shared with the server.
export { formatCount as formatNumber, formatDate, formatEuro, formatHours, formatMonth } from '@bds/shared';

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString('it-IT');
}

/** Today as a local calendar date, not the UTC one. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function currentMonth(): string {
  return today().slice(0, 7);
}
