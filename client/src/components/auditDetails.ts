// An access-log row's details (the JSON the server records) read out as Italian sentences:
// "Stato: da Bozza a Inviato in UVM", "Progetti mostrati: n. 3, 5, 8".
import { labelOf, PTRI_FIELD_LABELS, PTRI_STATUS_LABELS } from '@bds/shared/labels';
import { formatDate, formatMonth } from '@bds/shared/dates';
import { it } from '../i18n/it.ts';

const LABELS: Readonly<Record<string, string>> = { ...PTRI_FIELD_LABELS, ...it.auditDetails.keys };
/** Lists of record numbers longer than this are told by their count. */
const MAX_LISTED = 8;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function label(key: string): string {
  const name = LABELS[key] ?? key;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A status is a project's, or a month's on the rows about a cooperative's monthly report. */
type StatusLabels = Readonly<Record<string, string>>;

function valueText(key: string, value: unknown, statuses: StatusLabels): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'sì' : 'no';
  if (typeof value === 'string') {
    if (key === 'status' || key === 'to' || key === 'from') return labelOf(statuses, value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(value);
    return labelOf({ ...it.auditDetails.values, ...it.roles }, value);
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'number')) {
      return value.length === 0
        ? it.auditDetails.none
        : value.length > MAX_LISTED
          ? it.auditDetails.count(value.length)
          : `n. ${value.join(', ')}`;
    }
    return it.auditDetails.count(value.length);
  }
  if (isRecord(value)) return fieldsText(value, statuses);
  return String(value);
}

function fieldsText(record: Record<string, unknown>, statuses: StatusLabels): string {
  const parts = Object.entries(record)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${LABELS[key] ?? key} ${valueText(key, value, statuses)}`);
  return parts.length ? parts.join(', ') : '—';
}

function sentence(key: string, value: unknown, statuses: StatusLabels): string {
  if (isRecord(value) && 'before' in value && 'after' in value) {
    return `${label(key)}: da ${valueText(key, value.before, statuses)} a ${valueText(key, value.after, statuses)}`;
  }
  if ((key === 'after' || key === 'before') && isRecord(value)) {
    return `${key === 'after' ? it.auditDetails.written : it.auditDetails.removed}: ${Object.keys(value)
      .map((field) => LABELS[field] ?? field)
      .join(', ')}`;
  }
  return `${label(key)}: ${valueText(key, value, statuses)}`;
}

export function describeChanges(entity: string, changes: unknown): string[] {
  if (!isRecord(changes)) return changes == null ? [] : [String(changes)];
  const statuses = entity.startsWith('monthly_report') ? it.reportStatuses : PTRI_STATUS_LABELS;
  return Object.entries(changes).map(([key, value]) => sentence(key, value, statuses));
}
