// Italian formatting of dates, money and hours. Dates stay calendar strings (YYYY-MM-DD); the
// date and month forms are shared with the server's messages.
export { formatDate, formatMonth } from '@bds/shared/dates';

const euro = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' });
const number = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString('it-IT');
}

export function formatEuro(value: number | null | undefined): string {
  return value == null ? '—' : euro.format(value);
}

export function formatNumber(value: number | null | undefined): string {
  return value == null ? '—' : number.format(value);
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
