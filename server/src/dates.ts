// Calendar dates as 'YYYY-MM-DD' text.
import { addMonths, format, parseISO } from 'date-fns';
import { departmentDateOf } from '@bds/shared';

export { DEPARTMENT_TIME_ZONE } from '@bds/shared';

/**
 * Today in Bologna. The host's zone is often UTC: from midnight to 1 a.m. (2 a.m. in summer) it
 * still said yesterday, and an evaluation dated today in the browser was refused as in the future.
 */
export function today(): string {
  return departmentDateOf(new Date());
}

export function addMonthsToDate(date: string, months: number): string {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}
