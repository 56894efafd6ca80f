// Italian formatting of dates, money and hours. Dates stay calendar strings (YYYY-MM-DD).
const euro = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' });
const number = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const [year, month, day] = value.slice(0, 10).split('-');
  return year && month && day ? `${day}/${month}/${year}` : value;
}

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

const monthName = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar month "2026-11" as "novembre 2026". */
export function formatMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? monthName.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : value;
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
