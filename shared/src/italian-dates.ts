// Calendar dates and months written the Italian way, by the pages and by the server's messages
// alike. Dates stay calendar strings (YYYY-MM-DD, YYYY-MM) everywhere else.

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const [year, month, day] = value.slice(0, 10).split('-');
  return year && month && day ? `${day}/${month}/${year}` : value;
}

const monthName = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar month "2026-11" as "novembre 2026". */
export function formatMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? monthName.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : value;
}

/** Where the department works: its users' "today", whatever the zone of the host or browser. */
export const DEPARTMENT_TIME_ZONE = 'Europe/Rome';
const departmentDate = new Intl.DateTimeFormat('en-CA', { timeZone: DEPARTMENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Bologna at `now`, as YYYY-MM-DD. */
export function departmentDateOf(now: Date): string {
  return departmentDate.format(now);
}
