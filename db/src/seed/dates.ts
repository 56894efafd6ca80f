// Random calendar dates for the generator; the arithmetic is the shared dates module's.
import { addDays, addMonths, daysBetween } from '@bds/shared';
import type { Random } from './random.ts';

/** The demo data describes the programme as seen on this day. */
export const TODAY = '2026-11-15';

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
  return new Date(`${randomDate(random, addMonths(onDate, -12 * (maxAge + 1)), latest)}T00:00:00`);
}
