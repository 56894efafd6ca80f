// Calendar dates as 'YYYY-MM-DD' text.
import { addMonths, format, parseISO } from 'date-fns';

/** Where the department works: its users' "today", whatever the zone of the host. */
export const DEPARTMENT_TIME_ZONE = 'Europe/Rome';
const departmentDate = new Intl.DateTimeFormat('en-CA', { timeZone: DEPARTMENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today in Bologna. The host's zone is often UTC: from midnight to 1 a.m. (2 a.m. in summer) it
 * still said yesterday, and an evaluation dated today in the browser was refused as in the future.
 */
export function today(): string {
  return departmentDate.format(new Date());
}

export function addMonthsToDate(date: string, months: number): string {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}
