// Calendar dates as 'YYYY-MM-DD' text in the server's local time zone (Europe/Rome in production).
import { addMonths, format, parseISO } from 'date-fns';

export function today(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

export function addMonthsToDate(date: string, months: number): string {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}
