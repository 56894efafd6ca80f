// Builds a benchmark database of a given tier through the real migrations: reference data,
// the demo accounts, persons, projects with their history, interventions and month reports,
// and every summary table filled consistently with the raw rows.
import { rmSync, statSync } from 'node:fs';
import { hash } from '@node-rs/argon2';
import type { ServiceKind } from '@bds/shared';
import { migrateDb, openDb } from '../connection.ts';
import { seedReferenceData } from '../seed/reference.ts';
import { DEMO_PASSWORD, caseManagerUsername, demoAccounts } from '../seed/accounts.ts';
import { createRandom } from '../seed/random.ts';
import { enterBulkMode, leaveBulkMode } from './bulk-load.ts';
import type { LotRef } from './plan.ts';
import { writePersonsAndProjects } from './projects.ts';
import { createTimer, type Step } from './timer.ts';
import { TIERS, type Tier, type TierSize } from './tiers.ts';
import { writeWork } from './work.ts';
import { writeFlats } from './flats.ts';
import { writeCommunityActivities } from './community.ts';
import { writeResources } from './resources.ts';

const SEED = 0x6b656e63;
const BULK_TABLES = [
  'persons',
  'person_services',
  'ptris',
  'ptri_cooperatives',
  'goals',
  'budget_lines',
  'ptri_revisions',
  'ptri_transitions',
  'evaluations',
  'interventions',
  'ptri_activity_periods',
  'lot_month_totals',
  'monthly_report_parts',
  'ptri_years',
  'community_activity_period_persons',
  'community_scope_persons',
  'ptri_outcome_years',
  'flats',
  'flat_stays',
  'flat_interventions',
] as const;
/** How many persons each kind of service looks after, relative to the others. */
const SERVICE_WEIGHT: Record<ServiceKind, number> = { CSM: 5, NPIA: 3, SerDP: 3 };

export interface GenerationReport {
  tier: Tier;
  path: string;
  steps: Step[];
  totalMs: number;
  bytes: number;
}

/** `size` overrides the tier's (a test checks the generator on a few hundred projects). */
export async function generateBenchDatabase(
  tier: Tier,
  path: string,
  log: (line: string) => void = console.log,
  size: TierSize = TIERS[tier],
): Promise<GenerationReport> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const started = performance.now();
  const timer = createTimer(log);
  const db = openDb(path);
  const client = db.$client;
  timer.time('migrations + reference data', () => {
    migrateDb(db);
    seedReferenceData(db);
  });
  const passwordHash = await hash(DEMO_PASSWORD);
  const setAside = enterBulkMode(client, BULK_TABLES);
  const idOf = (sql: string, key: string | number) => (client.prepare(sql).get(key) as { id: number } | undefined)?.id ?? null;

  timer.time('users (demo accounts)', () =>
    client.transaction(() => {
      const insert =
        client.prepare(`INSERT INTO users (username, display_name, password_hash, role, service_id, district_id, cooperative_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
      for (const a of demoAccounts()) {
        insert.run(
          a.username,
          a.displayName,
          passwordHash,
          a.role,
          a.serviceCode ? idOf('SELECT id FROM services WHERE code = ?', a.serviceCode) : null,
          a.districtCode ? idOf('SELECT id FROM districts WHERE code = ?', a.districtCode) : null,
          a.cooperativeName ? idOf('SELECT id FROM cooperatives WHERE name = ?', a.cooperativeName) : null,
        );
      }
    })(),
  );

  const services = (
    client.prepare('SELECT id, kind, code, district_id AS districtId FROM services ORDER BY id').all() as {
      id: number;
      kind: ServiceKind;
      code: string;
      districtId: number;
    }[]
  ).map((s) => ({ ...s, weight: SERVICE_WEIGHT[s.kind] }));
  const caseManagerOf = new Map<number, number>();
  for (const s of services) {
    const userId = idOf('SELECT id FROM users WHERE username = ?', caseManagerUsername(s.code));
    if (userId !== null) caseManagerOf.set(s.id, userId);
  }
  const lots = new Map<number, LotRef>();
  for (const lot of client.prepare('SELECT id, number, hourly_rate_cents AS rateCents FROM lots ORDER BY id').all() as Omit<
    LotRef,
    'cooperativeIds'
  >[]) {
    const cooperativeIds = (
      client.prepare('SELECT cooperative_id AS id FROM lot_cooperatives WHERE lot_id = ? ORDER BY cooperative_id').all(lot.id) as {
        id: number;
      }[]
    ).map((r) => r.id);
    lots.set(lot.number, { ...lot, cooperativeIds });
  }

  const random = createRandom(SEED);
  const projects = writePersonsAndProjects(client, {
    random,
    timer,
    persons: size.persons,
    projects: size.projects,
    services,
    lots,
    caseManagerOf,
  });
  writeWork(client, random, timer, projects, size.interventions);
  writeFlats(client, random, timer, size.flats, idOf('SELECT cooperative_id AS id FROM users WHERE username = ?', 'coop'));
  // Lot 4 in proportion: an activity per twenty projects, a session per twenty interventions (tier L: 50,000 and 2.5M).
  writeCommunityActivities(client, random, timer, {
    activities: Math.round(size.projects / 20),
    sessions: Math.round(size.interventions / 20),
  });
  writeResources(client, random, timer, Math.round(size.projects / 20));

  timer.time(
    'ptri_years',
    () =>
      client
        .prepare(
          `INSERT INTO ptri_years (ptri_id, year, lot_number, service_id, person_id)
    SELECT p.id, y.year, l.number, p.service_id, p.person_id
    FROM ptris p JOIN lots l ON l.id = p.lot_id JOIN calendar_years y
      ON y.year BETWEEN CAST(substr(p.activated_on, 1, 4) AS INTEGER) AND CAST(substr(COALESCE(p.ended_on, p.end_date), 1, 4) AS INTEGER)
    WHERE p.activated_on IS NOT NULL ORDER BY p.id, y.year`,
        )
        .run().changes,
    (n) => n,
  );
  timer.time(
    'yearly_service_users + yearly_lot_users',
    () => {
      const a = client
        .prepare(
          `INSERT INTO yearly_service_users (year, lot_number, service_id, users)
      SELECT year, lot_number, service_id, COUNT(DISTINCT person_id) FROM ptri_years GROUP BY year, lot_number, service_id`,
        )
        .run().changes;
      const b = client
        .prepare(
          `INSERT INTO yearly_lot_users (year, lot_number, users)
      SELECT year, lot_number, COUNT(DISTINCT person_id) FROM ptri_years GROUP BY year, lot_number`,
        )
        .run().changes;
      return a + b;
    },
    (n) => n,
  );

  timer.time(
    'ptris open goals',
    () =>
      client
        .prepare(
          `UPDATE ptris SET open_goals_habitat = g.habitat, open_goals_sociality = g.sociality, open_goals_work = g.work
    FROM (SELECT ptri_id, SUM(axis = 'habitat') AS habitat, SUM(axis = 'sociality') AS sociality, SUM(axis = 'work') AS work
      FROM goals WHERE status = 'open' GROUP BY ptri_id) AS g
    WHERE g.ptri_id = ptris.id`,
        )
        .run().changes,
    (n) => n,
  );

  timer.time(
    'activity_counts',
    () =>
      client
        .prepare(
          `INSERT INTO activity_counts (period, lot_id, cooperative_id, service_id, users, projects)
    SELECT period, lot_id, cooperative_id, service_id, COUNT(DISTINCT person_id), COUNT(DISTINCT ptri_id) FROM ptri_activity_periods GROUP BY 1, 2, 3, 4
    UNION ALL SELECT period, lot_id, cooperative_id, 0, COUNT(DISTINCT person_id), COUNT(DISTINCT ptri_id) FROM ptri_activity_periods GROUP BY 1, 2, 3
    UNION ALL SELECT period, lot_id, 0, service_id, COUNT(DISTINCT person_id), COUNT(DISTINCT ptri_id) FROM ptri_activity_periods GROUP BY 1, 2, 4
    UNION ALL SELECT period, lot_id, 0, 0, COUNT(DISTINCT person_id), COUNT(DISTINCT ptri_id) FROM ptri_activity_periods GROUP BY 1, 2`,
        )
        .run().changes,
    (n) => n,
  );

  // The report summaries of migrations 0014 and 0019, filled as their backfill does (the triggers are set aside).
  timer.time(
    'caseload_changes + review_dates',
    () => {
      const a = client
        .prepare(
          `INSERT INTO caseload_changes (unit, bucket, service_id, projects, high, medium, low, habitat, sociality, work, overdue, due, expired)
      SELECT u.unit, substr(c.day, 1, u.length), c.service_id, SUM(c.projects), SUM(c.high), SUM(c.medium), SUM(c.low),
        SUM(c.habitat), SUM(c.sociality), SUM(c.work), SUM(c.overdue), SUM(c.due), SUM(c.expired)
      FROM ptri_caseload_changes c JOIN calendar_units u WHERE true GROUP BY 1, 2, 3`,
        )
        .run().changes;
      const b = client
        .prepare(
          `INSERT INTO review_dates (unit, bucket, service_id, projects)
      SELECT u.unit, substr(p.next_review_date, 1, u.length), p.service_id, COUNT(*)
      FROM ptris p JOIN calendar_units u WHERE p.status IN ('active', 'suspended') AND p.next_review_date IS NOT NULL GROUP BY 1, 2, 3`,
        )
        .run().changes;
      return a + b;
    },
    (n) => n,
  );
  timer.time(
    'lot_year_totals',
    () =>
      client
        .prepare(
          `INSERT INTO lot_year_totals (year, lot_id, cooperative_id, service_id, status, minutes, amount_cents, interventions)
    SELECT substr(month, 1, 4), lot_id, cooperative_id, service_id, status, SUM(minutes), SUM(amount_cents), SUM(interventions)
    FROM lot_month_totals GROUP BY 1, 2, 3, 4, 5`,
        )
        .run().changes,
    (n) => n,
  );

  // The outcomes summaries of migration 0150, recomputed by its own views as its backfill does:
  // the views find each project's evaluations through the rebuilt indexes.
  leaveBulkMode(
    client,
    setAside,
    (label, work) => timer.time(label, work),
    () =>
      timer.time(
        'ptri_outcome_years + outcome_counts',
        () =>
          client.prepare('INSERT INTO ptri_outcome_years SELECT * FROM ptri_outcome_facts').run().changes +
          client.prepare('INSERT INTO outcome_counts SELECT * FROM outcome_counts_recomputed').run().changes,
        (n) => n,
      ),
  );
  // As migration 0160 fills it; after the indexes are back, since its view finds each project's lines through them.
  timer.time(
    'budget_composition_changes',
    () =>
      client
        .prepare(
          `INSERT INTO budget_composition_changes (service_id, source, axis, year, amount_cents, minutes, projects)
    SELECT service_id, source, axis, year, SUM(amount_cents), SUM(minutes), SUM(projects)
    FROM ptri_budget_composition_changes WHERE true GROUP BY 1, 2, 3, 4`,
        )
        .run().changes,
    (n) => n,
  );
  // As migration 0161 fills it, once interventions_ptri_date_idx is back for its view.
  timer.time(
    'flat_month_work',
    () =>
      client
        .prepare(
          `INSERT INTO flat_month_work (flat_id, month, flat_minutes, flat_amount_cents, personal_minutes, personal_amount_cents)
    SELECT flat_id, month, SUM(flat_minutes), SUM(flat_amount), SUM(personal_minutes), SUM(personal_amount) FROM (
      SELECT flat_id, substr(date, 1, 7) AS month, minutes AS flat_minutes, amount_cents AS flat_amount, 0 AS personal_minutes, 0 AS personal_amount
      FROM flat_interventions
      UNION ALL
      SELECT flat_id, month, 0, 0, minutes, amount_cents FROM flat_resident_work)
    WHERE true GROUP BY 1, 2`,
        )
        .run().changes,
    (n) => n,
  );
  // As migration 0162 fills it.
  timer.time(
    'flat_place_day_changes',
    () =>
      client
        .prepare(
          `INSERT INTO flat_place_day_changes (day, available, occupied)
    SELECT day, SUM(available), SUM(occupied) FROM flat_place_day_deltas WHERE true GROUP BY day`,
        )
        .run().changes,
    (n) => n,
  );
  // As migration 0181 fills it.
  timer.time(
    'flat_stay_events',
    () =>
      client
        .prepare(
          `INSERT INTO flat_stay_events (destination, day, stays, stay_days)
    SELECT destination, day, SUM(stays), SUM(stay_days) FROM flat_stay_event_deltas WHERE true GROUP BY 1, 2`,
        )
        .run().changes,
    (n) => n,
  );
  // As migration 0211 fills it.
  timer.time(
    'flat_count',
    () => client.prepare('UPDATE flat_count SET flats = (SELECT COUNT(*) FROM flats)').run().changes,
    (n) => n,
  );
  client.close();
  const bytes = statSync(path).size;
  const totalMs = Math.round(performance.now() - started);
  log(`total ${(totalMs / 1000).toFixed(1)} s, file ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  return { tier, path, steps: timer.steps, totalMs, bytes };
}
