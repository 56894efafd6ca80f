// The yearly report of Lot 4's community activities, read from the summaries kept with every
// session: a page of activities (one row per activity and year), and the totals of every activity
// of the filter by district, by axis and overall from their per district and axis summary. Its
// persons are never NR_UT users: see communityActivitiesInYear in figures/definitions.ts, which
// the tests check it against.
import { AXES, AXIS_LABELS, eurosOf, hoursOf, type Axis, type CommunityReport } from '@bds/shared';
import type { Db, Queryable } from '@bds/db';
import type { CsvBatches } from '../reports/csv.ts';
import type { Actor } from '../auth/principal.ts';
import { auditedRead, auditRead } from '../audit/group-commit.ts';
import type { AuditEvent } from '../audit/record.ts';
import { policyOf } from '../access/policy.ts';
import { daysThroughToday } from '../figures/definitions.ts';
import { decodeCursor, page } from '../pagination.ts';
import * as q from './queries.ts';

type Sums = Omit<q.GroupYearRow, 'districtId' | 'axis'>;
type Filters = { districtId?: number; axis?: Axis };

const empty = (): Sums => ({
  activities: 0,
  sessions: 0,
  billedMinutes: 0,
  amountCents: 0,
  attendances: 0,
  otherParticipants: 0,
  volunteers: 0,
});

function add(sums: Sums, row: Sums) {
  for (const key of Object.keys(sums) as (keyof Sums)[]) sums[key] += row[key];
}

const figures = (s: Omit<Sums, 'activities'>, persons: number) => ({
  sessions: s.sessions,
  hours: hoursOf(s.billedMinutes),
  amount: eurosOf(s.amountCents),
  persons,
  attendances: s.attendances,
  otherParticipants: s.otherParticipants,
  volunteers: s.volunteers,
});

const reportRow = (row: q.ActivityYearRow): CommunityReport['rows'][number] => ({
  activityId: row.activityId,
  title: row.title,
  axis: row.axis,
  districtId: row.districtId,
  cooperativeId: row.cooperativeId,
  ...figures(row, row.persons),
});

/** The totals of every activity of the filter: at most one summary row per district and axis. */
function totalsOf(tx: Queryable, year: string, filters: Filters): Pick<CommunityReport, 'byDistrict' | 'byAxis' | 'total'> {
  const persons = q.distinctPersonsOfYear(tx, year, filters);
  const districts = new Map<number, Sums>();
  const axes = new Map<Axis, Sums>();
  const total = empty();
  for (const row of q.groupYears(tx, year, filters)) {
    if (!districts.has(row.districtId)) districts.set(row.districtId, empty());
    if (!axes.has(row.axis)) axes.set(row.axis, empty());
    add(districts.get(row.districtId)!, row);
    add(axes.get(row.axis)!, row);
    add(total, row);
  }
  return {
    byDistrict: [...districts.entries()].map(([districtId, sums]) => ({
      districtId,
      activities: sums.activities,
      ...figures(sums, persons.byDistrict.find((p) => p.districtId === districtId)?.persons ?? 0),
    })),
    byAxis: AXES.filter((axis) => axes.has(axis)).map((axis) => ({
      axis,
      activities: axes.get(axis)!.activities,
      ...figures(axes.get(axis)!, persons.byAxis.find((p) => p.axis === axis)?.persons ?? 0),
    })),
    total: { activities: total.activities, ...figures(total, persons.total) },
  };
}

const NONE = { byDistrict: [], byAxis: [], total: { activities: 0, ...figures(empty(), 0) } };

const auditEvent = (year: number, filters: Filters): AuditEvent => ({
  action: 'read',
  entity: 'report_community_activities',
  changes: { year, ...filters },
});

/** The days the report counts, after the caller was checked: only the department's managers (and the admin) read it. */
function daysOf(actor: Actor, year: number) {
  policyOf(actor.user).reports();
  return daysThroughToday(`${year}-01-01`, `${year}-12-31`, actor.today);
}

/** A page of the year's activities, in id order, with the totals of them all. */
export async function communityActivitiesReport(
  db: Db,
  actor: Actor,
  year: number,
  filters: Filters,
  limit = 100,
  cursor?: string,
): Promise<CommunityReport> {
  const after = Number(decodeCursor(cursor, ['number'])?.[0] ?? 0);
  const days = daysOf(actor, year);
  return auditedRead(db, actor, auditEvent(year, filters), () =>
    db.transaction((tx) => {
      const rows = days ? q.activityYears(tx, String(year), filters, after, limit + 1) : [];
      const { items, nextCursor } = page(rows, limit, (row) => [row.activityId]);
      return {
        year,
        throughDate: days?.last ?? null,
        rows: items.map(reportRow),
        nextCursor,
        ...(days ? totalsOf(tx, String(year), filters) : NONE),
      };
    }),
  );
}

const CSV_BATCH = 1000;

/** The report's CSV lines, every activity read a batch at a time while the file is written, then the totals. */
export async function communityReportCsvBatches(
  db: Db,
  actor: Actor,
  year: number,
  filters: Filters,
  districtNames: Map<number, string>,
): Promise<CsvBatches> {
  const days = daysOf(actor, year);
  await auditRead(db, actor, auditEvent(year, filters));
  const line = csvLine(districtNames);
  return function* (from) {
    for (let after = 0; days;) {
      const rows = q.activityYears(from, String(year), filters, after, CSV_BATCH);
      yield rows.map((row) => line(row.title, row.axis, row.districtId, { activities: 1, ...reportRow(row) }));
      if (rows.length < CSV_BATCH) break;
      after = rows.at(-1)!.activityId;
    }
    const totals = days ? totalsOf(from, String(year), filters) : NONE;
    yield [
      ...totals.byDistrict.map((d) => line('Totale distretto', undefined, d.districtId, d)),
      ...totals.byAxis.map((a) => line('Totale asse', a.axis, undefined, a)),
      line('Totale', undefined, undefined, totals.total),
    ];
  };
}

export const COMMUNITY_REPORT_CSV_HEADER = [
  'Attività',
  'Asse',
  'Distretto',
  'Incontri',
  'Ore fatturate',
  'Importo',
  'Persone con progetto',
  'Presenze',
  'Altri partecipanti',
  'Volontari',
];

function csvLine(districtNames: Map<number, string>) {
  return (title: string, axis: Axis | undefined, districtId: number | undefined, f: CommunityReport['total']) => [
    title,
    axis ? AXIS_LABELS[axis] : '',
    districtId === undefined ? '' : (districtNames.get(districtId) ?? String(districtId)),
    f.sessions,
    f.hours,
    f.amount,
    f.persons,
    f.attendances,
    f.otherParticipants,
    f.volunteers,
  ];
}
