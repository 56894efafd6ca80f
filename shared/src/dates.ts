// Calendar dates as 'YYYY-MM-DD' text and months as 'YYYY-MM': the department's "today", day and
// month arithmetic, and the Italian way of writing them, for server, client, seed and tests alike.

/** Where the department works: its users' "today", whatever the zone of the host or browser. */
export const DEPARTMENT_TIME_ZONE = 'Europe/Rome';
const departmentDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: DEPARTMENT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Where "now" comes from: real time in production, a pinned day in tests. */
export interface Clock {
  now(): Date;
  /** The department's calendar date at `now()`. */
  today(): string;
}

/**
 * Today in Bologna. The host's zone is often UTC: from midnight to 1 a.m. (2 a.m. in summer) it
 * still said yesterday, and an evaluation dated today in the browser was refused as in the future.
 */
export function departmentDateAt(instant: Date): string {
  // Formatting in a time zone costs tens of µs, and the server asks for today on every request.
  // Bologna's offset is whole hours, so a date holds for a whole UTC minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastDate.minute) lastDate = { minute, date: departmentDate.format(instant) };
  return lastDate.date;
}
let lastDate = { minute: NaN, date: '' };

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => departmentDateAt(new Date()),
};

/** A clock stopped at noon in Bologna on `date`, so a test's "today" does not depend on the day it runs. */
export function clockAt(date: string): Clock {
  const noon = new Date(`${date}T11:00:00Z`);
  return { now: () => new Date(noon), today: () => date };
}

export function today(clock: Clock = systemClock): string {
  return clock.today();
}

// Calendar arithmetic on UTC midnights: a calendar date has no zone, so no day can shift.
const utc = (date: string): Date => new Date(`${date.slice(0, 10)}T00:00:00Z`);
const text = (date: Date): string => date.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year!, m!, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  const day = utc(date);
  day.setUTCDate(day.getUTCDate() + days);
  return text(day);
}

/** The same day `months` later, or the month's last day when it is shorter (31 January + 1 = 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  const index = year! * 12 + (month! - 1) + months;
  const target = `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  return `${target}-${pad(Math.min(day!, daysInMonth(target)))}`;
}

/** Calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}

export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const monthOf = (date: string): string => date.slice(0, 7);
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Work dated before the current month is back-dated: accepted, and logged as such. */
export const isBackDated = (date: string, today: string): boolean => monthOf(date) < monthOf(today);

/**
 * Lifecycle and evaluation dates may precede the day a project was written by this many days at
 * most: a UVM meeting or a closure recorded late, not history. Older history comes in only
 * through the caseload import, which logs the file it came from.
 */
export const BACK_DATING_WINDOW_DAYS = 60;

/** The earliest lifecycle or evaluation date of a project written on `writtenOn` (its creation day). */
export const earliestProjectDate = (writtenOn: string): string => addDays(writtenOn, -BACK_DATING_WINDOW_DAYS);

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

/**
 * A real calendar date written GG/MM/AAAA (as Italian spreadsheets do) or AAAA-MM-GG, as
 * 'YYYY-MM-DD'; null for anything else. Checked by hand, since files run it on every cell.
 */
export function parseCalendarDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const it = iso ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : it ? [it[3], it[2], it[1]] : [];
  if (!year || !month || !day) return null;
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(`${year}-${String(m).padStart(2, '0')}`)) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
