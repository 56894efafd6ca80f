// Day arithmetic on 'YYYY-MM-DD' calendar dates, beside dates.ts.
import { addDays, format, parseISO } from 'date-fns';

export { today } from './dates.ts';

export function addDaysToDate(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}
