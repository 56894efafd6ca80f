// Calendar-date helpers for the generator: 'YYYY-MM-DD' text in, 'YYYY-MM-DD' text out.
import { addDays as addDaysTo, addMonths as addMonthsTo, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { Random } from './random.ts';

/** The demo data describes the programme as seen on this day. */
export const TODAY = '2026-11-15';

const day = (date: string): Date => parseISO(date);
const text = (date: Date): string => format(date, 'yyyy-MM-dd');

export const addDays = (date: string, days: number): string => text(addDaysTo(day(date), days));
export const addMonths = (date: string, months: number): string => text(addMonthsTo(day(date), months));
export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(day(to), day(from));
export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);

/** A day in [from, to], both included. */
export function randomDate(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

/** A deterministic timestamp on a calendar day, during office hours. */
export function timestampOn(random: Random, date: string): string {
  const hour = String(random.int(8, 17)).padStart(2, '0');
  const minute = String(random.int(0, 59)).padStart(2, '0');
  return `${date}T${hour}:${minute}:00.000Z`;
}

export function birthDateFor(random: Random, onDate: string, minAge: number, maxAge: number): Date {
  const latest = addDays(addMonths(onDate, -12 * minAge), -1);
  return day(randomDate(random, addMonths(onDate, -12 * (maxAge + 1)), latest));
}
