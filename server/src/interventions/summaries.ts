// The summary tables of interventions, kept in the transaction of every write that changes them:
// lot_month_totals (per lot, cooperative, month, service and part status) and
// ptri_activity_periods (projects and persons worked on per month and per year).
import type { Db } from '@bds/db';
import type { MonthStatus } from '@bds/shared';

export interface TotalsKey {
  lotId: number;
  cooperativeId: number;
  month: string;
  serviceId: number;
  status: MonthStatus;
}

export interface ActivityKey {
  lotId: number;
  cooperativeId: number;
  month: string;
  ptriId: number;
  personId: number;
  serviceId: number;
}

export interface SummaryWriter {
  /** Adds (or with negative figures removes) interventions to a totals row. */
  addTotals(key: TotalsKey, minutes: number, amountCents: number, count: number): void;
  /** Adds (or removes) interventions of a project to its month and year activity rows. */
  addActivity(key: ActivityKey, count: number): void;
  /** Moves the totals of one part of a cooperative's month to a new status. */
  moveStatus(cooperativeId: number, month: string, serviceId: number, status: MonthStatus): void;
}

const writers = new WeakMap<object, SummaryWriter>();

/** Prepared once per connection: the same statements serve single writes and bulk uploads. */
export function summaryWriter(db: Db): SummaryWriter {
  const cached = writers.get(db.$client);
  if (cached) return cached;
  const client = db.$client;
  const upsertTotals = client.prepare(`
    INSERT INTO lot_month_totals (lot_id, cooperative_id, month, service_id, status, minutes, amount_cents, interventions)
    VALUES (@lotId, @cooperativeId, @month, @serviceId, @status, @minutes, @amountCents, @count)
    ON CONFLICT (month, lot_id, cooperative_id, service_id, status) DO UPDATE SET
      minutes = minutes + excluded.minutes, amount_cents = amount_cents + excluded.amount_cents,
      interventions = interventions + excluded.interventions`);
  const dropEmptyTotals = client.prepare(`DELETE FROM lot_month_totals WHERE month = @month AND lot_id = @lotId
    AND cooperative_id = @cooperativeId AND service_id = @serviceId AND status = @status AND interventions = 0`);
  const upsertActivity = client.prepare(`
    INSERT INTO ptri_activity_periods (period, lot_id, cooperative_id, ptri_id, person_id, service_id, interventions)
    VALUES (@period, @lotId, @cooperativeId, @ptriId, @personId, @serviceId, @count)
    ON CONFLICT (period, lot_id, cooperative_id, ptri_id) DO UPDATE SET interventions = interventions + excluded.interventions`);
  const dropEmptyActivity = client.prepare(`DELETE FROM ptri_activity_periods WHERE period = @period AND lot_id = @lotId
    AND cooperative_id = @cooperativeId AND ptri_id = @ptriId AND interventions = 0`);
  const move = client.prepare(`UPDATE lot_month_totals SET status = ? WHERE cooperative_id = ? AND month = ? AND service_id = ?`);

  const writer: SummaryWriter = {
    addTotals(key, minutes, amountCents, count) {
      upsertTotals.run({ ...key, minutes, amountCents, count });
      if (count < 0) dropEmptyTotals.run(key);
    },
    addActivity(key, count) {
      for (const period of [key.month, key.month.slice(0, 4)]) {
        const row = { period, lotId: key.lotId, cooperativeId: key.cooperativeId, ptriId: key.ptriId };
        upsertActivity.run({ ...row, personId: key.personId, serviceId: key.serviceId, count });
        if (count < 0) dropEmptyActivity.run(row);
      }
    },
    moveStatus(cooperativeId, month, serviceId, status) {
      move.run(status, cooperativeId, month, serviceId);
    },
  };
  writers.set(client, writer);
  return writer;
}
