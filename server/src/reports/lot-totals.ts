// Hours, amounts, and persons and projects with interventions per lot and cooperative for a month
// or a year up to today, read from the summary tables only (never from the interventions), against
// each lot's ceiling. Interventions cannot be dated after today, so a period counts up to today as
// it is; one that has not begun has none.
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '@bds/db';
import { centsOf, daysInMonth, eurosOf, hoursOf, type LotTotals } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { policyOf, type ReportScope as Scope } from '../access/policy.ts';
import { daysThroughToday } from '../figures/definitions.ts';
import { communityFiguresOfPeriod, type LotCommunityRow } from '../community-activities/queries.ts';

/** Lot 4's attendance, under its own names: set only where community sessions were held. */
const attendance = (row: LotCommunityRow | undefined) => (row ? { persons: row.persons, otherParticipants: row.otherParticipants } : {});

function scopeFilter(scope: Scope): SQL {
  return sql`${scope.serviceId === null ? sql`` : sql`AND service_id = ${scope.serviceId}`} ${scope.cooperativeId === null ? sql`` : sql`AND cooperative_id = ${scope.cooperativeId}`}`;
}

interface MoneyRow {
  lotId: number;
  cooperativeId: number;
  validated: number;
  minutes: number;
  amountCents: number;
  interventions: number;
}
interface PeopleRow {
  lotId: number;
  cooperativeId: number | null;
  persons: number;
  projects: number;
}

/** A year reads its own rows of lot_year_totals (kept by triggers on the months), a month its month's. */
function moneyRows(db: Queryable, period: string, scope: Scope) {
  const rows = period.length === 4 ? sql`lot_year_totals WHERE year = ${period}` : sql`lot_month_totals WHERE month = ${period}`;
  return db.all<MoneyRow>(sql`
    SELECT lot_id AS lotId, cooperative_id AS cooperativeId, (status = 'validated') AS validated,
      SUM(minutes) AS minutes, SUM(amount_cents) AS amountCents, SUM(interventions) AS interventions
    FROM ${rows} ${scopeFilter(scope)}
    GROUP BY lot_id, cooperative_id, validated`);
}

/**
 * Distinct persons and projects per lot and cooperative, and per lot across its cooperatives,
 * read from the activity_counts summary (0 = all cooperatives, or all services).
 */
function peopleRows(db: Queryable, period: string, scope: Scope) {
  const serviceId = scope.serviceId ?? 0;
  const onlyCooperative = scope.cooperativeId === null ? sql`` : sql`AND cooperative_id = ${scope.cooperativeId}`;
  const perCooperative = db.all<PeopleRow>(sql`
    SELECT lot_id AS lotId, cooperative_id AS cooperativeId, users AS persons, projects FROM activity_counts
    WHERE period = ${period} AND service_id = ${serviceId} AND cooperative_id <> 0 AND users > 0 ${onlyCooperative}`);
  const perLot =
    scope.cooperativeId === null
      ? db.all<PeopleRow>(sql`
      SELECT lot_id AS lotId, NULL AS cooperativeId, users AS persons, projects FROM activity_counts
      WHERE period = ${period} AND service_id = ${serviceId} AND cooperative_id = 0 AND users > 0`)
      : perCooperative.map((row) => ({ ...row, cooperativeId: null }));
  return { perCooperative, perLot };
}

const money = (rows: MoneyRow[]) => ({
  interventions: rows.reduce((n, r) => n + r.interventions, 0),
  hours: hoursOf(rows.reduce((n, r) => n + r.minutes, 0)),
  amount: eurosOf(rows.reduce((n, r) => n + r.amountCents, 0)),
});
const share = (amount: number, ceilingCents: number | null) =>
  ceilingCents ? Math.round((centsOf(amount) * 10_000) / ceilingCents) / 10_000 : null;

export async function lotTotals(db: Db, actor: Actor, year: number | undefined, month: string | undefined): Promise<LotTotals> {
  // Managers see every lot; a case manager their service's share; a cooperative its own totals.
  const scope = policyOf(actor.user).reports();
  const period = month ?? String(year);
  const days = month
    ? daysThroughToday(`${month}-01`, `${month}-${daysInMonth(month)}`, actor.today)
    : daysThroughToday(`${year}-01-01`, `${year}-12-31`, actor.today);
  const report = db.transaction((tx) => {
    const rows = days ? moneyRows(tx, period, scope) : [];
    const people = days ? peopleRows(tx, period, scope) : { perCooperative: [], perLot: [] };
    // Community activities serve the whole department: no service's share has them.
    const community = days && scope.serviceId === null ? communityFiguresOfPeriod(tx, period, scope.cooperativeId) : [];
    const lots = tx.all<{ id: number; number: number; title: string; hourlyRateCents: number | null; ceilingCents: number | null }>(
      sql`SELECT id, number, title, hourly_rate_cents AS hourlyRateCents, ceiling_cents AS ceilingCents FROM lots ORDER BY number, tender_year`,
    );
    const names = new Map(tx.all<{ id: number; name: string }>(sql`SELECT id, name FROM cooperatives`).map((c) => [c.id, c.name]));
    const wholeLots = scope.cooperativeId === null && scope.serviceId === null;
    const result = lots
      .filter((lot) => wholeLots || rows.some((r) => r.lotId === lot.id))
      .map((lot) => {
        const lotRows = rows.filter((r) => r.lotId === lot.id);
        const coopIds = [
          ...new Set([
            ...lotRows.map((r) => r.cooperativeId),
            ...people.perCooperative.filter((p) => p.lotId === lot.id).map((p) => p.cooperativeId ?? 0),
          ]),
        ];
        const validated = money(lotRows.filter((r) => r.validated));
        const pending = money(lotRows.filter((r) => !r.validated));
        const lotPeople = people.perLot.find((p) => p.lotId === lot.id);
        return {
          lotId: lot.id,
          lotNumber: lot.number,
          title: lot.title,
          hourlyRate: lot.hourlyRateCents === null ? null : eurosOf(lot.hourlyRateCents),
          ceiling: lot.ceilingCents === null ? null : eurosOf(lot.ceilingCents),
          personsWithInterventions: lotPeople?.persons ?? 0,
          projectsWithInterventions: lotPeople?.projects ?? 0,
          validated,
          pending,
          ceilingShare: share(validated.amount, lot.ceilingCents),
          ceilingShareWithPending: share(validated.amount + pending.amount, lot.ceilingCents),
          ...attendance(community.find((c) => c.lotId === lot.id && c.cooperativeId === null)),
          cooperatives: coopIds
            .sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? ''))
            .map((cooperativeId) => {
              const coopRows = lotRows.filter((r) => r.cooperativeId === cooperativeId);
              const coopPeople = people.perCooperative.find((p) => p.lotId === lot.id && p.cooperativeId === cooperativeId);
              return {
                cooperativeId,
                cooperativeName: names.get(cooperativeId) ?? '',
                personsWithInterventions: coopPeople?.persons ?? 0,
                projectsWithInterventions: coopPeople?.projects ?? 0,
                validated: money(coopRows.filter((r) => r.validated)),
                pending: money(coopRows.filter((r) => !r.validated)),
                ...attendance(community.find((c) => c.lotId === lot.id && c.cooperativeId === cooperativeId)),
              };
            }),
        };
      });
    return { period, throughDate: days?.last ?? null, lots: result };
  });
  // The access-log row joins the group commit: durable before the reply, one fsync shared by concurrent reads.
  await auditRead(db, actor, { action: 'read', entity: 'report_lot_totals', changes: { period, ...scope } });
  return report;
}

export const LOT_TOTALS_CSV_HEADER = [
  'Lotto',
  'Cooperativa',
  'Persone con interventi',
  'Progetti con interventi',
  'Ore validate',
  'Importo validato',
  'Ore in attesa',
  'Importo in attesa',
  'Quota del tetto validata',
  'Persone alle attività di comunità',
  'Altri partecipanti',
];

export function lotTotalsCsvRows(report: LotTotals): unknown[][] {
  return report.lots.flatMap((lot) => [
    ...lot.cooperatives.map((c) => [
      lot.lotNumber,
      c.cooperativeName,
      c.personsWithInterventions,
      c.projectsWithInterventions,
      c.validated.hours,
      c.validated.amount,
      c.pending.hours,
      c.pending.amount,
      null,
      c.persons ?? null,
      c.otherParticipants ?? null,
    ]),
    [
      lot.lotNumber,
      'Totale lotto',
      lot.personsWithInterventions,
      lot.projectsWithInterventions,
      lot.validated.hours,
      lot.validated.amount,
      lot.pending.hours,
      lot.pending.amount,
      lot.ceilingShare,
      lot.persons ?? null,
      lot.otherParticipants ?? null,
    ],
  ]);
}
