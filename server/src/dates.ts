// Calendar dates as 'YYYY-MM-DD' text in the server's local time zone (Europe/Rome in production).
import { addMonths, format, parseISO } from 'date-fns';

export function today(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

export function addMonthsToDate(date: string, months: number): string {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}

const monthName = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar month 'YYYY-MM' as the pages write it: "novembre 2026". */
export function monthInItalian(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return year && monthNumber ? monthName.format(Date.UTC(year, monthNumber - 1, 1)) : month;
}

/** A calendar date 'YYYY-MM-DD' (or the date of a timestamp) as "28/11/2026". */
export function dateInItalian(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-');
  return year && month && day ? `${day}/${month}/${year}` : date;
}
