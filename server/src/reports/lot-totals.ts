// Hours, amounts, and persons and projects with interventions per lot and cooperative for a month
// or a year up to today, read from the summary tables only (never from the interventions), against
// each lot's ceiling. Interventions cannot be dated after today, so a period counts up to today as
// it is; one that has not begun has none.
import type { Db, Queryable } from '@bds/db';
import { centsOf, daysInMonth, eurosOf, hoursOf, type LotTotals } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditedRead } from '../audit/group-commit.ts';
import { policyOf, type ReportScope as Scope } from '../access/policy.ts';
import { daysThroughToday } from '../figures/definitions.ts';
import { lotInForce } from '../reference/lot-in-force.ts';
import { communityFiguresOfPeriod, type LotCommunityRow } from '../community-activities/queries.ts';
import { cooperativeNames, lotMoneyRows, lotPeopleRows, lotsByNumber } from './queries.ts';

/** Lot 4's attendance, under its own names: set only where community sessions were held. */
const attendance = (row: LotCommunityRow | undefined) => (row ? { persons: row.persons, otherParticipants: row.otherParticipants } : {});

type MoneyRow = ReturnType<typeof lotMoneyRows>[number];

/** Distinct persons and projects per lot and cooperative, and per lot across its cooperatives. */
function peopleRows(db: Queryable, period: string, scope: Scope) {
  const perCooperative = lotPeopleRows(db, period, scope, false);
  const perLot =
    scope.cooperativeId === null ? lotPeopleRows(db, period, scope, true) : perCooperative.map((row) => ({ ...row, cooperativeId: null }));
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
  const periodLast = month ? `${month}-${daysInMonth(month)}` : `${year}-12-31`;
  const days = daysThroughToday(month ? `${month}-01` : `${year}-01-01`, periodLast, actor.today);
  const report = (tx: Queryable) => {
    const rows = days ? lotMoneyRows(tx, period, scope) : [];
    const people = days ? peopleRows(tx, period, scope) : { perCooperative: [], perLot: [] };
    // Community activities serve the whole department: no service's share has them.
    const community = days && scope.serviceId === null ? communityFiguresOfPeriod(tx, period, scope.cooperativeId) : [];
    const lots = lotsByNumber(tx);
    const names = new Map(cooperativeNames(tx).map((c) => [c.id, c.name]));
    // The whole department sees each lot number of the tender in force at the period's end, and any
    // other tender's lot only where it has work in the period.
    const inForce = new Set(
      scope.cooperativeId === null && scope.serviceId === null
        ? [...new Set(lots.map((lot) => lot.number))].map((number) => lotInForce(lots, number, periodLast)?.id)
        : [],
    );
    const result = lots
      .filter((lot) => inForce.has(lot.id) || rows.some((r) => r.lotId === lot.id))
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
  };
  return auditedRead(db, actor, { action: 'read', entity: 'report_lot_totals', changes: { period, ...scope } }, () =>
    db.transaction(report),
  );
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
