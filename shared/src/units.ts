// Money and time as the database keeps them (integer cents, integer minutes), as the API carries
// them (euros, hours), as an Italian office worker types them and as every page shows them.

export const centsOf = (euros: number): number => Math.round(euros * 100);
export const eurosOf = (cents: number): number => cents / 100;
export const minutesOf = (hours: number): number => Math.round(hours * 60);
export const hoursOf = (minutes: number): number => minutes / 60;

/** Amount in cents of `minutes` at an hourly rate in cents, rounded once per intervention. */
export const amountCentsOf = (minutes: number, hourlyRateCents: number): number => Math.round((minutes * hourlyRateCents) / 60);

/** A sum of euro amounts made in cents, so that it does not drift as floating-point sums do. */
export function sumEuros(amounts: Iterable<number | null | undefined>): number {
  let cents = 0;
  for (const amount of amounts) cents += amount == null ? 0 : centsOf(amount);
  return eurosOf(cents);
}

/** A sum of hours made in minutes. */
export function sumHours(hours: Iterable<number | null | undefined>): number {
  let minutes = 0;
  for (const value of hours) minutes += value == null ? 0 : minutesOf(value);
  return hoursOf(minutes);
}

// Intl leaves four-digit numbers ungrouped ("4270,50 €") unless told to group always.
const euroFormat = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', useGrouping: 'always' });
const hoursFormat = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2, useGrouping: 'always' });
const countFormat = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2, useGrouping: 'always' });
const euroInputFormat = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' });

/** "4.270,50 €"; a dash for no amount. */
export function formatEuro(euros: number | null | undefined): string {
  return euros == null ? '—' : euroFormat.format(euros);
}

/** "1.234,5" hours; a dash for none. */
export function formatHours(hours: number | null | undefined): string {
  return hours == null ? '—' : hoursFormat.format(hours);
}

/** Counts of persons, projects, rows: "1.234". */
export function formatCount(value: number | null | undefined): string {
  return value == null ? '—' : countFormat.format(value);
}

const percentFormat = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 1 });

/** A share 0–1 as "42,5 %"; a dash for none. */
export function formatPercent(share: number | null | undefined): string {
  return share == null ? '—' : percentFormat.format(share);
}

export type NumberKind = 'euro' | 'hours';

/** A value as an Italian number input shows it back: "2.120,00" for euros, "1,5" for hours. */
export function formatNumberInput(value: number | null | undefined, kind: NumberKind): string {
  if (value == null) return '';
  return kind === 'euro' ? euroInputFormat.format(value) : hoursFormat.format(value);
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

export const NUMBER_INPUT_MESSAGE = 'numero non valido: scrivere ad esempio 1.500,50 (punto per le migliaia, virgola per i decimali)';

const GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const COMMA_DECIMAL = /^\d+(?:,\d+)?$/;
const DOT_DECIMAL = /^\d+\.\d{1,2}$/;

/**
 * Reads a number typed the Italian way. The rule: a comma is the decimal separator; a dot
 * followed by exactly three digits is a thousands separator; a dot followed by one or two digits,
 * with no comma, is a decimal point ("2120.5"); anything else ("1.2345", "1,234.5") is refused.
 * An empty box is no value.
 */
export function parseItalianNumber(typed: string): ParsedNumber {
  const text = typed.replace(/[\s\u00a0\u202f€]/g, '');
  if (text === '') return { ok: true, value: null };
  let plain: string;
  if (GROUPED.test(text)) plain = text.replace(/\./g, '').replace(',', '.');
  else if (COMMA_DECIMAL.test(text)) plain = text.replace(',', '.');
  else if (DOT_DECIMAL.test(text)) plain = text;
  else return { ok: false, message: NUMBER_INPUT_MESSAGE };
  return { ok: true, value: Number(plain) };
}
