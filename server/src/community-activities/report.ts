// The yearly report of Lot 4's community activities, read from the summaries kept with every
// session (one row per activity and year), by activity, district and axis. Its persons are never
// NR_UT users: see communityActivitiesInYear in figures/definitions.ts, which the tests check it against.
import { AXES, AXIS_LABELS, eurosOf, hoursOf, type Axis, type CommunityReport } from '@bds/shared';
import type { Db } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { policyOf } from '../access/policy.ts';
import { daysThroughToday } from '../figures/definitions.ts';
import * as q from './queries.ts';

interface Sums {
  activities: number;
  sessions: number;
  billedMinutes: number;
  amountCents: number;
  attendances: number;
  otherParticipants: number;
  volunteers: number;
}

const empty = (): Sums => ({
  activities: 0,
  sessions: 0,
  billedMinutes: 0,
  amountCents: 0,
  attendances: 0,
  otherParticipants: 0,
  volunteers: 0,
});

function add(sums: Sums, row: q.ActivityYearRow) {
  sums.activities += 1;
  sums.sessions += row.sessions;
  sums.billedMinutes += row.billedMinutes;
  sums.amountCents += row.amountCents;
  sums.attendances += row.attendances;
  sums.otherParticipants += row.otherParticipants;
  sums.volunteers += row.volunteers;
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

export async function communityActivitiesReport(
  db: Db,
  actor: Actor,
  year: number,
  filters: { districtId?: number; axis?: Axis },
): Promise<CommunityReport> {
  // Only the department's managers (and the admin) read it: refused to roles without a report.
  policyOf(actor.user).reports();
  const days = daysThroughToday(`${year}-01-01`, `${year}-12-31`, actor.today);
  const report = db.transaction((tx) => {
    const rows = days ? q.activityYears(tx, String(year), filters) : [];
    const persons = days ? q.distinctPersonsOfYear(tx, String(year), filters) : { byDistrict: [], byAxis: [], total: 0 };
    const districts = new Map<number, Sums>();
    const axes = new Map<Axis, Sums>();
    const total = empty();
    for (const row of rows) {
      if (!districts.has(row.districtId)) districts.set(row.districtId, empty());
      if (!axes.has(row.axis)) axes.set(row.axis, empty());
      add(districts.get(row.districtId)!, row);
      add(axes.get(row.axis)!, row);
      add(total, row);
    }
    return {
      year,
      throughDate: days?.last ?? null,
      rows: rows.map((row) => ({
        activityId: row.activityId,
        title: row.title,
        axis: row.axis,
        districtId: row.districtId,
        cooperativeId: row.cooperativeId,
        ...figures(row, row.persons),
      })),
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
  });
  await auditRead(db, actor, { action: 'read', entity: 'report_community_activities', changes: { year, ...filters } });
  return report;
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

/** The report's rows, then its totals by district, by axis and overall, as the CSV lists them. */
export function communityReportCsvRows(report: CommunityReport, districtNames: Map<number, string>): unknown[][] {
  const axisLabel = (axis: Axis) => AXIS_LABELS[axis];
  const districtName = (id: number) => districtNames.get(id) ?? String(id);
  const line = (title: string, axis: string, district: string, f: CommunityReport['total']) => [
    title,
    axis,
    district,
    f.sessions,
    f.hours,
    f.amount,
    f.persons,
    f.attendances,
    f.otherParticipants,
    f.volunteers,
  ];
  return [
    ...report.rows.map((r) => line(r.title, axisLabel(r.axis), districtName(r.districtId), { activities: 1, ...r })),
    ...report.byDistrict.map((d) => line('Totale distretto', '', districtName(d.districtId), d)),
    ...report.byAxis.map((a) => line('Totale asse', axisLabel(a.axis), '', a)),
    line('Totale', '', '', report.total),
  ];
}
