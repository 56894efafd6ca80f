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

/**
 * A real calendar date written GG/MM/AAAA (as Italian spreadsheets do) or AAAA-MM-GG, as
 * 'YYYY-MM-DD'; null for anything else. Checked by hand, since files run it on every cell.
 */
export function parseCalendarDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const it = iso ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : it ? [it[3], it[2], it[1]] : [];
  if (!year || !month || !day) return null;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
