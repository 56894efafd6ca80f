// The database schema: plain table definitions. Dates are 'YYYY-MM-DD' text, timestamps ISO
// 8601 UTC text, money integer cents, hours integer minutes.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type {
  Axis,
  BenefitKind,
  BudgetSource,
  EvaluationKind,
  EvaluationOutcome,
  GoalStatus,
  Intensity,
  LineConfirmation,
  LivingSituation,
  MonthStatus,
  PartStatus,
  ProposalStatus,
  ProviderKind,
  PtriStatus,
  ResourceKind,
  Role,
  ScaleItem,
  ScaleTotal,
  ServiceKind,
  SignatureMethod,
  Signer,
  WorkSituation,
} from '@bds/shared';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const districts = sqliteTable('districts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

export const services = sqliteTable(
  'services',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    kind: text('kind').$type<ServiceKind>().notNull(),
    name: text('name').notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('services_district_idx').on(t.districtId)],
);

/** Historical and report spellings of a service name, mapped to the service on import. */
export const serviceAliases = sqliteTable(
  'service_aliases',
  {
    alias: text('alias').primaryKey(),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
  },
  (t) => [index('service_aliases_service_idx').on(t.serviceId)],
);

export const cooperatives = sqliteTable('cooperatives', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  vatNumber: text('vat_number').unique(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const lots = sqliteTable(
  'lots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    tenderYear: integer('tender_year').notNull(),
    /** The framework agreement's period: no work of the lot may be dated before its start. */
    tenderStart: text('tender_start').notNull().default('2000-01-01'),
    tenderEnd: text('tender_end').notNull().default('2099-12-31'),
    serviceKinds: text('service_kinds', { mode: 'json' }).$type<ServiceKind[]>().notNull(),
    contractor: text('contractor').notNull(),
    hourlyRateCents: integer('hourly_rate_cents'),
    ceilingCents: integer('ceiling_cents'),
  },
  (t) => [uniqueIndex('lots_number_tender_idx').on(t.number, t.tenderYear)],
);

export const lotCooperatives = sqliteTable(
  'lot_cooperatives',
  {
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    /** An executing member (consorziata esecutrice): where a lot marks any, only they take its projects and flats. */
    executing: integer('executing', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.cooperativeId] }), index('lot_cooperatives_coop_idx').on(t.cooperativeId)],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    serviceId: integer('service_id').references(() => services.id),
    districtId: integer('district_id').references(() => districts.id),
    cooperativeId: integer('cooperative_id').references(() => cooperatives.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // The social workers of a district, for the UVM naming one among its members.
    index('users_role_district_idx').on(t.role, t.districtId, t.id),
  ],
);

/** A signed-in session; access tokens name it and die with it. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Every refresh token ever issued, by hash; a rotated one presented again reveals theft. */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id),
    createdAt: createdAt(),
    rotatedAt: text('rotated_at'),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
);

export const persons = sqliteTable(
  'persons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fiscalCode: text('fiscal_code').notNull().unique(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    /** lower-case "family given" and "given family", for prefix search on an index. */
    searchKey: text('search_key').notNull(),
    searchKeyAlt: text('search_key_alt').notNull(),
    birthDate: text('birth_date').notNull(),
    sex: text('sex').$type<'F' | 'M'>().notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('persons_search_idx').on(t.searchKey),
    index('persons_search_alt_idx').on(t.searchKeyAlt),
    // The persons living in a district (a social worker's scope), searched by name on an index.
    index('persons_district_search_idx').on(t.districtId, t.searchKey, t.id),
    index('persons_district_search_alt_idx').on(t.districtId, t.searchKeyAlt, t.id),
  ],
);

/** Which services have a person in their care: the scope of case managers over persons. */
export const personServices = sqliteTable(
  'person_services',
  {
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    // Copies of the person's search keys (kept by triggers, migration 0015), so a case manager's
    // search reads one service's persons in name order instead of checking every name's service.
    searchKey: text('search_key').notNull().default(''),
    searchKeyAlt: text('search_key_alt').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.personId] }),
    index('person_services_person_idx').on(t.personId),
    index('person_services_search_idx').on(t.serviceId, t.searchKey, t.personId),
    index('person_services_search_alt_idx').on(t.serviceId, t.searchKeyAlt, t.personId),
  ],
);

export const ptris = sqliteTable(
  'ptris',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    caseManagerId: integer('case_manager_id').references(() => users.id),
    status: text('status').$type<PtriStatus>().notNull(),
    intensity: text('intensity').$type<Intensity>().notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** The day the project became active, and the day it was closed: its period of care. */
    activatedOn: text('activated_on'),
    endedOn: text('ended_on'),
    nextReviewDate: text('next_review_date'),
    notes: text('notes'),
    /** The project this one continues (a renewal), for the person's chain of projects. */
    renewsPtriId: integer('renews_ptri_id'),
    version: integer('version').notNull().default(1),
    /** The content revision: changes with goals, budget, period or text, never with a lifecycle move (`version` is the lock). */
    revision: integer('revision').notNull().default(1),
    /** The latest revision the person (or their guardian) signed: kept with each such signature. */
    personSignedRevision: integer('person_signed_revision'),
    /** Open goals per axis, kept by triggers on `goals` (migration 0011) for the caseload report. */
    openGoalsHabitat: integer('open_goals_habitat').notNull().default(0),
    openGoalsSociality: integer('open_goals_sociality').notNull().default(0),
    openGoalsWork: integer('open_goals_work').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('ptris_service_status_idx').on(t.serviceId, t.status, t.id),
    /** A service's projects newest first (the case manager's list, keyset on id) without a sort. */
    index('ptris_service_idx').on(t.serviceId, t.id),
    index('ptris_person_idx').on(t.personId),
    index('ptris_lot_period_idx').on(t.lotId, t.activatedOn),
    /** Projects by status and review date: the project list's status and overdue-review filters, and their counts. */
    index('ptris_review_idx').on(t.status, t.nextReviewDate, t.serviceId, t.personId),
    /** Projects in care on a date (caseload): only those whose period ends on or after it, covered. */
    index('ptris_care_end_idx').on(
      sql`COALESCE(${t.endedOn}, ${t.endDate})`,
      t.activatedOn,
      t.serviceId,
      t.intensity,
      t.nextReviewDate,
      t.openGoalsHabitat,
      t.openGoalsSociality,
      t.openGoalsWork,
    ),
    /** Open projects by planned end: the few past it (expired) that the yearly counts recount from their rows (named there by INDEXED BY). */
    index('ptris_open_end_idx')
      .on(t.endDate, t.lotId, t.personId, t.serviceId)
      .where(sql`${t.endedOn} IS NULL AND ${t.activatedOn} IS NOT NULL`),
    /** Projects in care whose current revision lacks the person's signature ("firma in attesa"): a few, listed by service. */
    index('ptris_signature_pending_idx')
      .on(t.serviceId, t.id)
      .where(sql`${t.status} IN ('active', 'suspended') AND ${t.personSignedRevision} IS NOT ${t.revision}`),
    /**
     * Reviews due: the open projects with a review date in the report's (date, id) order, covering
     * what a page shows, so that a page reads only its own rows (named there by INDEXED BY). A
     * separate index, so that the plans ptris_review_idx's statistics choose for the project list
     * stay as they are; the date in its condition keeps the signature-pending filter, which names
     * the same statuses, off it.
     */
    index('ptris_reviews_due_idx')
      .on(t.status, t.nextReviewDate, t.id, t.serviceId, t.personId, t.endDate)
      .where(sql`${t.status} IN ('active', 'suspended') AND ${t.nextReviewDate} IS NOT NULL`),
  ],
);

export const ptriCooperatives = sqliteTable(
  'ptri_cooperatives',
  {
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
  },
  (t) => [primaryKey({ columns: [t.ptriId, t.cooperativeId] }), index('ptri_cooperatives_coop_idx').on(t.cooperativeId, t.ptriId)],
);

export const goals = sqliteTable(
  'goals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    axis: text('axis').$type<Axis>().notNull(),
    description: text('description').notNull(),
    targetDate: text('target_date'),
    status: text('status').$type<GoalStatus>().notNull().default('open'),
    position: integer('position').notNull(),
  },
  (t) => [index('goals_ptri_idx').on(t.ptriId)],
);

export const budgetLines = sqliteTable(
  'budget_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    axis: text('axis').$type<Axis>().notNull(),
    source: text('source').$type<BudgetSource>().notNull(),
    description: text('description').notNull(),
    minutes: integer('minutes'),
    amountCents: integer('amount_cents'),
    position: integer('position').notNull(),
    /** The community resource the line draws on, if any (the catalogue of the territory). */
    resourceId: integer('resource_id').references(() => resources.id),
    /** A social-services line's standing with the municipality; null for the other sources. */
    confirmation: text('confirmation').$type<LineConfirmation>(),
    /** Who answered for the social services, when, and why (required to decline); kept with the line's id. */
    decidedBy: integer('decided_by').references(() => users.id),
    decidedOn: text('decided_on'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('budget_lines_ptri_idx').on(t.ptriId),
    index('budget_lines_resource_idx')
      .on(t.resourceId, t.ptriId)
      .where(sql`${t.resourceId} IS NOT NULL`),
  ],
);

/** Each saved version of a project: the full snapshot and what changed from the one before. */
export const ptriRevisions = sqliteTable(
  'ptri_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    version: integer('version').notNull(),
    /** The project's content revision once this version was saved. */
    revision: integer('revision').notNull().default(1),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    changes: text('changes', { mode: 'json' }),
    reason: text('reason'),
    userId: integer('user_id').references(() => users.id),
    /** The cooperative's proposal this version applied, when the case manager accepted one. */
    proposalId: integer('proposal_id').references((): AnySQLiteColumn => ptriProposals.id),
    at: createdAt(),
  },
  (t) => [uniqueIndex('ptri_revisions_version_idx').on(t.ptriId, t.version)],
);

export const ptriTransitions = sqliteTable(
  'ptri_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    fromStatus: text('from_status').$type<PtriStatus>().notNull(),
    toStatus: text('to_status').$type<PtriStatus>().notNull(),
    reason: text('reason'),
    effectiveDate: text('effective_date').notNull(),
    userId: integer('user_id').references(() => users.id),
    at: createdAt(),
  },
  (t) => [index('ptri_transitions_ptri_idx').on(t.ptriId)],
);

export const evaluations = sqliteTable(
  'evaluations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    date: text('date').notNull(),
    kind: text('kind').$type<EvaluationKind>().notNull(),
    members: text('members', { mode: 'json' })
      .$type<{ name: string; role: string; organisation: string; userId?: number | undefined }[]>()
      .notNull(),
    outcome: text('outcome').$type<EvaluationOutcome>().notNull(),
    intensity: text('intensity').$type<Intensity>(),
    scores: text('scores', { mode: 'json' }).$type<Record<string, number[]>>(),
    honosTotal: integer('honos_total'),
    nextReviewDate: text('next_review_date'),
    notes: text('notes'),
    living: text('living').$type<LivingSituation>(),
    work: text('work').$type<WorkSituation>(),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('evaluations_ptri_idx').on(t.ptriId, t.date), index('evaluations_date_idx').on(t.date, t.ptriId)],
);

/** The social workers' accounts named among an evaluation's members: what each finds among the UVM meetings it sat on. */
export const evaluationSocialWorkers = sqliteTable(
  'evaluation_social_workers',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    /** The evaluation's date, so that the newest come first on the index. */
    date: text('date').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.date, t.evaluationId] })],
);

/** Who signed which content revision of a project, when and how; earlier revisions' signatures stay. */
export const ptriSignatures = sqliteTable(
  'ptri_signatures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    revision: integer('revision').notNull(),
    signer: text('signer').$type<Signer>().notNull(),
    name: text('name').notNull(),
    date: text('date').notNull(),
    method: text('method').$type<SignatureMethod>().notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('ptri_signatures_ptri_idx').on(t.ptriId, t.revision)],
);

/** A person's benefits and income (pensions, allowances, income support), beside the budget. */
export const personBenefits = sqliteTable(
  'person_benefits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    kind: text('kind').$type<BenefitKind>().notNull(),
    monthlyAmountCents: integer('monthly_amount_cents').notNull(),
    from: text('from').notNull(),
    to: text('to'),
    position: integer('position').notNull(),
  },
  (t) => [index('person_benefits_person_idx').on(t.personId)],
);

/** Contacts with a person after their project closed: where they live and work, the "post-BdS". */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    date: text('date').notNull(),
    living: text('living').$type<LivingSituation>().notNull(),
    work: text('work').$type<WorkSituation>().notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('follow_ups_ptri_idx').on(t.ptriId, t.date), index('follow_ups_date_idx').on(t.date, t.ptriId)],
);

/**
 * The access log: every read and write of a person's data. Append-only: triggers in the
 * migrations refuse UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    personId: integer('person_id'),
    changes: text('changes', { mode: 'json' }),
    ip: text('ip'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_person_idx').on(t.personId),
    index('audit_user_idx').on(t.userId, t.at),
    index('audit_at_idx').on(t.at),
  ],
);

/**
 * The persons shown by an access-log row that shows several (a search, a list, a report, an
 * export): what lets each of them find that read in their art. 15 record. Filled from
 * `auditLogShown` in batches, and append-only like the log. Migration 0070 makes it WITHOUT
 * ROWID: one tree in person order.
 */
export const auditLogPersons = sqliteTable(
  'audit_log_persons',
  {
    personId: integer('person_id').notNull(),
    auditId: integer('audit_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.auditId] })],
);

/**
 * The persons an access-log row showed, written in the same transaction as the row and in log
 * order (migration 0210), until the server moves them into `auditLogPersons`.
 */
export const auditLogShown = sqliteTable('audit_log_shown', {
  auditId: integer('audit_id').primaryKey(),
  /** How many ids `personIds` holds: what a merge counts its rows by without reading them. */
  persons: integer('persons').notNull(),
  /** A JSON array of person ids. */
  personIds: text('person_ids').notNull(),
});

// ---- Interventions, monthly reports and their summaries (issue 3) ----

/** The activities a cooperative may record on each axis: a list the admin edits. */
export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    axis: text('axis').$type<Axis>().notNull(),
    label: text('label').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('activities_axis_label_idx').on(t.axis, t.label)],
);

/**
 * One CSV month file accepted from a cooperative. `sha256` is the identity of its rows as read
 * (not of its bytes): the same rows sent again are a no-op while any of them is still stored.
 */
export const interventionUploads = sqliteTable(
  'intervention_uploads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    month: text('month').notNull(),
    sha256: text('sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('intervention_uploads_file_idx').on(t.cooperativeId, t.month, t.sha256)],
);

/**
 * A unit of work delivered by a cooperative. `ptri_id` is null for work that belongs to no one
 * person's project (a Lot 3 flat, a Lot 4 session). Only two secondary indexes: each one is
 * paid for on every upload. Amount = minutes × the lot's hourly rate, fixed when written.
 */
export const interventions = sqliteTable(
  'interventions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ptriId: integer('ptri_id').references(() => ptris.id),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    date: text('date').notNull(),
    month: text('month').notNull(),
    axis: text('axis').$type<Axis>().notNull(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    minutes: integer('minutes').notNull(),
    amountCents: integer('amount_cents').notNull(),
    operatorRole: text('operator_role').notNull(),
    notes: text('notes'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
    uploadId: integer('upload_id').references(() => interventionUploads.id),
  },
  (t) => [index('interventions_coop_month_idx').on(t.cooperativeId, t.month), index('interventions_ptri_date_idx').on(t.ptriId, t.date)],
);

/** A cooperative's month (rendicontazione): open until submitted; validated when every part is. */
export const monthlyReports = sqliteTable(
  'monthly_reports',
  {
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    month: text('month').notNull(),
    status: text('status').$type<MonthStatus>().notNull(),
    submittedAt: text('submitted_at'),
    submittedBy: integer('submitted_by').references(() => users.id),
    reviewedAt: text('reviewed_at'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.cooperativeId, t.month] })],
);

/**
 * The part of a month that one service's case managers review, or a department-wide part that a
 * manager reviews: `service_id` is the part's key, a service's id or a negative key of a
 * department-wide kind (server/src/monthly-reports/parts.ts), hence no foreign key.
 */
export const monthlyReportParts = sqliteTable(
  'monthly_report_parts',
  {
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    month: text('month').notNull(),
    serviceId: integer('service_id').notNull(),
    status: text('status').$type<PartStatus>().notNull(),
    reviewedAt: text('reviewed_at'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.cooperativeId, t.month, t.serviceId] }),
    index('monthly_report_parts_service_idx').on(t.serviceId, t.status, t.month),
  ],
);

/**
 * Summary: minutes, amount and count of interventions per lot, cooperative, month, service and
 * the status of that part of the month. Kept in the transaction of every write that changes it.
 */
export const lotMonthTotals = sqliteTable(
  'lot_month_totals',
  {
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    month: text('month').notNull(),
    /** The part's key, as in monthly_report_parts. */
    serviceId: integer('service_id').notNull(),
    status: text('status').$type<PartStatus>().notNull(),
    minutes: integer('minutes').notNull(),
    amountCents: integer('amount_cents').notNull(),
    interventions: integer('interventions').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.lotId, t.cooperativeId, t.serviceId, t.status] }),
    index('lot_month_totals_coop_idx').on(t.cooperativeId, t.month),
  ],
);

/**
 * Summary: which projects (and persons) a cooperative worked on in a period ('YYYY' and
 * 'YYYY-MM'), so distinct users and projects per lot and cooperative need no scan of interventions.
 */
export const ptriActivityPeriods = sqliteTable(
  'ptri_activity_periods',
  {
    period: text('period').notNull(),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    interventions: integer('interventions').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.lotId, t.cooperativeId, t.ptriId] }),
    /** The other rows of a person in a period and lot: what the activity_counts triggers look up. */
    index('ptri_activity_periods_person_idx').on(t.period, t.lotId, t.personId, t.ptriId, t.cooperativeId, t.serviceId),
  ],
);

// ---- Assessment scales as data (issue 3) ----

/** An outcome scale: items with their range; HoNOS is built in. Labels are neutral, never descriptors. */
export const scales = sqliteTable('scales', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  items: text('items', { mode: 'json' }).$type<ScaleItem[]>().notNull(),
  total: text('total', { mode: 'json' }).$type<ScaleTotal>().notNull(),
  higherIsBetter: integer('higher_is_better', { mode: 'boolean' }).notNull(),
  builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** The score of one scale in one evaluation, with its total and the change since the previous one. */
export const evaluationScores = sqliteTable(
  'evaluation_scores',
  {
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    scaleId: integer('scale_id')
      .notNull()
      .references(() => scales.id),
    items: text('items', { mode: 'json' }).$type<number[]>().notNull(),
    problemTypes: text('problem_types', { mode: 'json' }).$type<Record<string, string>>(),
    total: integer('total').notNull(),
    previousTotal: integer('previous_total'),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.scaleId] })],
);

// ---- Yearly counts summary (issue 6) ----

/**
 * Summary: one row per project and calendar year in which it was active on at least one day.
 * Filled by triggers on `ptris` (migration 0004), so every lifecycle write keeps it in step in
 * its own transaction; the lot is kept by number, as the published NR_UT tables count it.
 */
export const ptriYears = sqliteTable(
  'ptri_years',
  {
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    year: integer('year').notNull(),
    lotNumber: integer('lot_number').notNull(),
    serviceId: integer('service_id').notNull(),
    personId: integer('person_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ptriId, t.year] }), index('ptri_years_person_idx').on(t.year, t.lotNumber, t.personId, t.serviceId)],
);

/** Summary: distinct persons per year, lot number and responsible service (NR_UT), kept by triggers on `ptri_years`. */
export const yearlyServiceUsers = sqliteTable(
  'yearly_service_users',
  {
    year: integer('year').notNull(),
    lotNumber: integer('lot_number').notNull(),
    serviceId: integer('service_id').notNull(),
    users: integer('users').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.lotNumber, t.serviceId] })],
);

/** Summary: distinct persons per year and lot number across services, kept by triggers on `ptri_years`. */
export const yearlyLotUsers = sqliteTable(
  'yearly_lot_users',
  {
    year: integer('year').notNull(),
    lotNumber: integer('lot_number').notNull(),
    users: integer('users').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.lotNumber] })],
);

/** The calendar years a project can span (1990–2100): lets a trigger expand a period into years. */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
});

/**
 * Summary: distinct persons and projects a cooperative worked for, per period ('YYYY' and
 * 'YYYY-MM') and lot, by cooperative and service; 0 in `cooperative_id` or `service_id` stands
 * for "all of them". Kept by triggers on `ptri_activity_periods` (migration 0009), so the lot
 * totals read a handful of rows instead of counting distinct persons over a year of activity.
 */
export const activityCounts = sqliteTable(
  'activity_counts',
  {
    period: text('period').notNull(),
    lotId: integer('lot_id').notNull(),
    cooperativeId: integer('cooperative_id').notNull(),
    serviceId: integer('service_id').notNull(),
    users: integer('users').notNull(),
    projects: integer('projects').notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.lotId, t.cooperativeId, t.serviceId] })],
);

// ---- Report summaries keyed by calendar buckets (migration 0013) ----

/** A date summary's buckets: a year ('YYYY'), a month ('YYYY-MM') or a day, by label length. */
export const calendarUnits = sqliteTable('calendar_units', {
  unit: text('unit').$type<CalendarUnit>().primaryKey(),
  length: integer('length').notNull(),
});

export type CalendarUnit = 'year' | 'month' | 'day';

/**
 * Summary: for each service and calendar bucket, projects entering the caseload on its days
 * minus those leaving it (the day after the last one), by measure: in care, by intensity, open
 * goals per axis, review overdue, review due within 30 days. The caseload on a date is minus the
 * sum over the days after it (a handful of day, month and year rows per service), so it does
 * not grow with the projects. Kept by triggers on `ptris` (migration 0013).
 */
export const caseloadChanges = sqliteTable(
  'caseload_changes',
  {
    unit: text('unit').$type<CalendarUnit>().notNull(),
    bucket: text('bucket').notNull(),
    serviceId: integer('service_id').notNull(),
    projects: integer('projects').notNull(),
    high: integer('high').notNull(),
    medium: integer('medium').notNull(),
    low: integer('low').notNull(),
    habitat: integer('habitat').notNull(),
    sociality: integer('sociality').notNull(),
    work: integer('work').notNull(),
    overdue: integer('overdue').notNull(),
    due: integer('due').notNull(),
    /** In care past the planned end, not yet renewed or closed. */
    expired: integer('expired').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unit, t.bucket, t.serviceId] })],
);

/**
 * Summary: active and suspended projects per service by the bucket of their next review date,
 * so reviews due counts overdue and near reviews from a few rows. Kept by triggers on `ptris`.
 */
export const reviewDates = sqliteTable(
  'review_dates',
  {
    unit: text('unit').$type<CalendarUnit>().notNull(),
    bucket: text('bucket').notNull(),
    serviceId: integer('service_id').notNull(),
    projects: integer('projects').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unit, t.bucket, t.serviceId] })],
);

/**
 * Summary: the budget composition as changes per year: a project in care adds its budget lines
 * (per source and axis, with 1 project) to the year of its activation and takes them off again
 * in the year after its closure, so the projects in care in a year are the sum of the rows up to
 * it, a few per service, source and axis whatever the number of projects. `source` and `axis`
 * '' count the projects with any line. Kept by triggers on `ptris` and `budget_lines` (migration 0160).
 */
export const budgetCompositionChanges = sqliteTable(
  'budget_composition_changes',
  {
    serviceId: integer('service_id').notNull(),
    source: text('source').notNull(),
    axis: text('axis').notNull(),
    year: integer('year').notNull(),
    amountCents: integer('amount_cents').notNull(),
    minutes: integer('minutes').notNull(),
    projects: integer('projects').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.source, t.axis, t.year] })],
);

/**
 * Summary: per Lot 3 flat and month 'YYYY-MM', the minutes and amounts of the work for the flat as
 * a whole and of its residents' own interventions dated in their stays, so the flats report
 * reads twelve rows per flat instead of every resident's interventions. Kept by triggers on
 * `flat_interventions`, `interventions` and `flat_stays` (migration 0161).
 */
export const flatMonthWork = sqliteTable(
  'flat_month_work',
  {
    flatId: integer('flat_id').notNull(),
    month: text('month').notNull(),
    flatMinutes: integer('flat_minutes').notNull().default(0),
    flatAmountCents: integer('flat_amount_cents').notNull().default(0),
    personalMinutes: integer('personal_minutes').notNull().default(0),
    personalAmountCents: integer('personal_amount_cents').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.flatId, t.month] })],
);

/**
 * Summary: `flat_month_work` summed over every flat, one row per month, kept by triggers on it
 * (migration 0180), so the flats report's totals of a year read twelve rows whatever the number
 * of flats.
 */
export const flatWorkMonths = sqliteTable('flat_work_months', {
  month: text('month').primaryKey(),
  flatMinutes: integer('flat_minutes').notNull().default(0),
  flatAmountCents: integer('flat_amount_cents').notNull().default(0),
  personalMinutes: integer('personal_minutes').notNull().default(0),
  personalAmountCents: integer('personal_amount_cents').notNull().default(0),
});

/**
 * Summary: the Lot 3 places, all flats together, as changes per day: a flat adds its places on
 * its opening day and takes them off the day after its closing, a stay adds one occupied place
 * on its first day and takes it off the day after its last. The place-days of any span are a sum
 * over the days before its end (a row per day that changed anything, whatever the number of
 * flats). Kept by triggers on `flats` and `flat_stays` (migration 0162).
 */
export const flatPlaceDayChanges = sqliteTable('flat_place_day_changes', {
  day: text('day').primaryKey(),
  available: integer('available').notNull().default(0),
  occupied: integer('occupied').notNull().default(0),
});

/**
 * Summary: `flat_place_day_changes` summed per month, kept by triggers on it (migration 0180): the
 * places available and occupied when a month begins are the sum of the months before it, so a
 * year's place-days read its own days and one row per earlier month, not every day since the
 * first flat opened.
 */
export const flatPlaceMonthChanges = sqliteTable('flat_place_month_changes', {
  month: text('month').primaryKey(),
  available: integer('available').notNull().default(0),
  occupied: integer('occupied').notNull().default(0),
});

/** Summary: how many flats there are, one row kept by triggers on `flats` (migration 0211). */
export const flatCount = sqliteTable('flat_count', {
  id: integer('id').primaryKey(),
  flats: integer('flats').notNull(),
});

/**
 * Summary: `lot_month_totals` summed over each year, kept by triggers on it, so the lot totals
 * of a year read one year's rows instead of twelve months'.
 */
export const lotYearTotals = sqliteTable(
  'lot_year_totals',
  {
    year: text('year').notNull(),
    lotId: integer('lot_id').notNull(),
    cooperativeId: integer('cooperative_id').notNull(),
    serviceId: integer('service_id').notNull(),
    status: text('status').$type<PartStatus>().notNull(),
    minutes: integer('minutes').notNull(),
    amountCents: integer('amount_cents').notNull(),
    interventions: integer('interventions').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.lotId, t.cooperativeId, t.serviceId, t.status] })],
);

// ---- Caseload imports (issue 22) ----

/** One spreadsheet of the services' caseload brought in by the admin; its hash names the file. */
export const caseloadImports = sqliteTable(
  'caseload_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    personsCreated: integer('persons_created').notNull(),
    projectsCreated: integer('projects_created').notNull(),
    importedBy: integer('imported_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('caseload_imports_sha_idx').on(t.sha256)],
);

/**
 * The projects that entered through an import, with their source row: they became active (or
 * closed) without a UVM evaluation in this system, the one exception to the lifecycle's rule.
 */
export const importedPtris = sqliteTable('imported_ptris', {
  ptriId: integer('ptri_id')
    .primaryKey()
    .references(() => ptris.id),
  importId: integer('import_id')
    .notNull()
    .references(() => caseloadImports.id),
  row: integer('row').notNull(),
});

// ---- Lot 3: cohabitation flats (issue 17) ----

/** A transitional cohabitation flat of Lot 3, run by one (executing) cooperative of its lot. */
export const flats = sqliteTable(
  'flats',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    address: text('address').notNull(),
    places: integer('places').notNull(),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    openedOn: text('opened_on').notNull(),
    closedOn: text('closed_on'),
  },
  (t) => [index('flats_district_idx').on(t.districtId, t.id), index('flats_cooperative_idx').on(t.cooperativeId, t.id)],
);

/**
 * A person's stay in a flat, under their Lot 3 project: from a day, to a day (planned, or the
 * exit once ended with its destination). Person and service are copied from the project so the
 * overlap rule and the name scope read this table alone.
 */
export const flatStays = sqliteTable(
  'flat_stays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    flatId: integer('flat_id')
      .notNull()
      .references(() => flats.id),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    destination: text('destination').$type<LivingSituation>(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('flat_stays_flat_idx').on(t.flatId, t.fromDate),
    index('flat_stays_person_idx').on(t.personId, t.fromDate),
    index('flat_stays_ptri_idx').on(t.ptriId),
    // The flats report's entries and exits of all flats over a year.
    index('flat_stays_from_idx').on(t.fromDate),
    index('flat_stays_to_idx').on(t.toDate, t.destination, t.fromDate),
    // A case manager's flats in the flats report: those where their service's residents stayed.
    index('flat_stays_service_idx').on(t.serviceId, t.fromDate),
    // The few stays that end before they begin, which flat_stay_events leaves to be read here.
    index('flat_stays_reversed_idx')
      .on(t.fromDate)
      .where(sql`${t.toDate} < ${t.fromDate}`),
  ],
);

/**
 * Summary: the Lot 3 stays' entries and exits per day, all flats together: destination '' counts
 * the stays beginning that day, any other the stays ended that day towards it, with the days they
 * spanned. Only stays that do not end before they begin (the report reads those through
 * `flat_stays_reversed_idx`). A year's entries and exits read at most one row per day and
 * destination, whatever the number of flats. Kept by triggers on `flat_stays` (migration 0181).
 */
export const flatStayEvents = sqliteTable(
  'flat_stay_events',
  {
    destination: text('destination').notNull(),
    day: text('day').notNull(),
    stays: integer('stays').notNull().default(0),
    stayDays: integer('stay_days').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.destination, t.day] })],
);

/** Work of a flat's cooperative for the flat as a whole (no person): a department-wide part of its month. */
export const flatInterventions = sqliteTable(
  'flat_interventions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    flatId: integer('flat_id')
      .notNull()
      .references(() => flats.id),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    date: text('date').notNull(),
    month: text('month').notNull(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    minutes: integer('minutes').notNull(),
    amountCents: integer('amount_cents').notNull(),
    operatorRole: text('operator_role').notNull(),
    notes: text('notes'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('flat_interventions_flat_idx').on(t.flatId, t.date),
    index('flat_interventions_coop_month_idx').on(t.cooperativeId, t.month),
  ],
);

// ---- Lot 4 community activities (issue 17) ----

/**
 * A community activity of Lot 4 (PACo): a workshop, group or course run by a cooperative of the
 * lot, open to persons with a project and to the neighbourhood. Its lot's hourly rate prices its sessions.
 */
export const communityActivities = sqliteTable(
  'community_activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    axis: text('axis').$type<Axis>().notNull(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    place: text('place').notNull(),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    description: text('description'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('community_activities_district_idx').on(t.districtId, t.axis, t.id),
    index('community_activities_axis_idx').on(t.axis, t.id),
    index('community_activities_coop_idx').on(t.cooperativeId, t.id),
  ],
);

/** A person's project enrolled in an activity; ending it keeps the row with its last day. */
export const communityEnrolments = sqliteTable(
  'community_enrolments',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => communityActivities.id),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    enrolledOn: text('enrolled_on').notNull(),
    endedOn: text('ended_on'),
    enrolledBy: integer('enrolled_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.ptriId] }), index('community_enrolments_ptri_idx').on(t.ptriId, t.activityId)],
);

/**
 * A session of an activity: hours for the group, not for one person. Billed minutes = minutes ×
 * operators, and the amount is fixed at the lot's rate when written. Other participants and
 * volunteers are counts only: nobody without a project is named here.
 */
export const communitySessions = sqliteTable(
  'community_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => communityActivities.id),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    lotId: integer('lot_id')
      .notNull()
      .references(() => lots.id),
    date: text('date').notNull(),
    month: text('month').notNull(),
    minutes: integer('minutes').notNull(),
    operators: integer('operators').notNull(),
    billedMinutes: integer('billed_minutes').notNull(),
    amountCents: integer('amount_cents').notNull(),
    otherParticipants: integer('other_participants').notNull(),
    volunteers: integer('volunteers').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('community_sessions_activity_idx').on(t.activityId, t.date),
    index('community_sessions_coop_month_idx').on(t.cooperativeId, t.month),
    index('community_sessions_date_idx').on(t.date),
  ],
);

/** An enrolled person's project at a session. */
export const communityAttendances = sqliteTable(
  'community_attendances',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => communitySessions.id),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.ptriId] }), index('community_attendances_ptri_idx').on(t.ptriId, t.sessionId)],
);

/**
 * Summary: one row per activity and period ('YYYY' and 'YYYY-MM') with its sessions' figures, kept
 * in the transaction of every session write, so the yearly report and the lot totals read one row
 * per activity instead of its sessions.
 */
export const communityActivityPeriods = sqliteTable(
  'community_activity_periods',
  {
    period: text('period').notNull(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => communityActivities.id),
    sessions: integer('sessions').notNull(),
    minutes: integer('minutes').notNull(),
    billedMinutes: integer('billed_minutes').notNull(),
    amountCents: integer('amount_cents').notNull(),
    attendances: integer('attendances').notNull(),
    otherParticipants: integer('other_participants').notNull(),
    volunteers: integer('volunteers').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.activityId] }),
    // An activity's periods, for the triggers that move them when the activity changes lot, cooperative, district or axis.
    index('community_activity_periods_activity_idx').on(t.activityId, t.period),
  ],
);

/**
 * Summary: Lot 4's other participants per period ('YYYY' and 'YYYY-MM'), lot and cooperative,
 * summed over the activity periods above, and how many activity periods add to it (the row goes
 * with the last one). The lot totals read a few rows here instead of every activity of the year.
 * Kept by triggers on `community_activity_periods` and `community_activities` (migration 0175).
 */
export const communityLotPeriods = sqliteTable(
  'community_lot_periods',
  {
    period: text('period').notNull(),
    lotId: integer('lot_id').notNull(),
    cooperativeId: integer('cooperative_id').notNull(),
    activities: integer('activities').notNull(),
    otherParticipants: integer('other_participants').notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.lotId, t.cooperativeId] })],
);

/**
 * Summary kept by triggers on community_activity_periods and community_activities: the figures of
 * every activity of a period per district and axis, so the report's totals read at most one row
 * per district and axis whatever the number of activities.
 */
export const communityGroupPeriods = sqliteTable(
  'community_group_periods',
  {
    period: text('period').notNull(),
    districtId: integer('district_id').notNull(),
    axis: text('axis').$type<Axis>().notNull(),
    activities: integer('activities').notNull(),
    sessions: integer('sessions').notNull(),
    billedMinutes: integer('billed_minutes').notNull(),
    amountCents: integer('amount_cents').notNull(),
    attendances: integer('attendances').notNull(),
    otherParticipants: integer('other_participants').notNull(),
    volunteers: integer('volunteers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.districtId, t.axis] })],
);

/** Summary: the persons who attended an activity in a period ('YYYY' and 'YYYY-MM'), and how often: distinct persons without reading attendances. */
export const communityActivityPeriodPersons = sqliteTable(
  'community_activity_period_persons',
  {
    period: text('period').notNull(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => communityActivities.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    attendances: integer('attendances').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.activityId, t.personId] }),
    index('community_activity_period_persons_activity_idx').on(t.activityId, t.period, t.personId),
  ],
);

/**
 * Summary kept by triggers on community_activity_period_persons: for each period and group of
 * activities (kind 'all', 'lot', 'cooperative', 'district', 'axis', 'district_axis'; see the view
 * community_activity_scopes), each person who attended and in how many of its activities.
 */
export const communityScopePersons = sqliteTable(
  'community_scope_persons',
  {
    period: text('period').notNull(),
    kind: text('kind').notNull(),
    groupId: integer('group_id').notNull(),
    cooperativeId: integer('cooperative_id').notNull(),
    axis: text('axis').notNull(),
    personId: integer('person_id').notNull(),
    activities: integer('activities').notNull(),
  },
  // Person second: a removal finds the person's few groups by the key.
  (t) => [primaryKey({ columns: [t.period, t.personId, t.kind, t.groupId, t.cooperativeId, t.axis] })],
);

/** Summary kept by triggers on community_scope_persons: the distinct persons of each period and group of activities. */
export const communityScopeCounts = sqliteTable(
  'community_scope_counts',
  {
    period: text('period').notNull(),
    kind: text('kind').notNull(),
    groupId: integer('group_id').notNull(),
    cooperativeId: integer('cooperative_id').notNull(),
    axis: text('axis').notNull(),
    persons: integer('persons').notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.kind, t.groupId, t.cooperativeId, t.axis] })],
);
/** The community resources of the territory: housing, work placements, courses, groups, volunteers, transport. */
export const resources = sqliteTable(
  'resources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind').$type<ResourceKind>().notNull(),
    axis: text('axis').$type<Axis>().notNull(),
    provider: text('provider').notNull(),
    providerKind: text('provider_kind').$type<ProviderKind>().notNull(),
    runtsNumber: text('runts_number'),
    contact: text('contact'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('resources_name_idx').on(t.name, t.id), index('resources_axis_name_idx').on(t.axis, t.name, t.id)],
);

/**
 * The districts a resource serves, with copies of its axis and name so that a district's page of
 * the catalogue is read from one index in name order (kept by the service in the same transaction).
 */
export const resourceDistricts = sqliteTable(
  'resource_districts',
  {
    resourceId: integer('resource_id')
      .notNull()
      .references(() => resources.id),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    axis: text('axis').$type<Axis>().notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.districtId] }),
    index('resource_districts_name_idx').on(t.districtId, t.name, t.resourceId),
    index('resource_districts_axis_idx').on(t.districtId, t.axis, t.name, t.resourceId),
  ],
);

/**
 * Every prefix of every word of a resource's name and provider, for the whole catalogue
 * (`district_id` 0) and for each district it serves, with copies of its axis and name: a search
 * by words (with a district, an axis or both) reads one key range already in name order, however
 * many resources match. Kept by the service with the resource (rows from `resourceWordRows`),
 * which deletes a resource's former rows by their keys: no index by resource is kept for that.
 */
export const resourceWords = sqliteTable(
  'resource_words',
  {
    prefix: text('prefix').notNull(),
    districtId: integer('district_id').notNull(),
    axis: text('axis').$type<Axis>().notNull(),
    name: text('name').notNull(),
    resourceId: integer('resource_id')
      .notNull()
      .references(() => resources.id),
  },
  (t) => [
    primaryKey({ columns: [t.prefix, t.districtId, t.name, t.resourceId] }),
    index('resource_words_axis_idx').on(t.prefix, t.districtId, t.axis, t.name, t.resourceId),
  ],
);

/** A draft shared by its case manager with one of its cooperatives: the cooperative then sees it and may propose changes. */
export const ptriShares = sqliteTable(
  'ptri_shares',
  {
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    sharedBy: integer('shared_by').references(() => users.id),
    sharedAt: createdAt(),
  },
  /** A cooperative's shared drafts, newest first, without reading the projects. */
  (t) => [primaryKey({ columns: [t.ptriId, t.cooperativeId] }), index('ptri_shares_coop_idx').on(t.cooperativeId, t.ptriId)],
);

/**
 * A cooperative's proposal on a shared draft: goals and budget lines to add or change (by id),
 * with the touched items as they were when proposed (`base`), so that accepting it later can
 * tell whether the case manager changed them since.
 */
export const ptriProposals = sqliteTable(
  'ptri_proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    cooperativeId: integer('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    proposedBy: integer('proposed_by').references(() => users.id),
    baseRevision: integer('base_revision').notNull(),
    goals: text('goals', { mode: 'json' }).notNull(),
    budgetLines: text('budget_lines', { mode: 'json' }).notNull(),
    base: text('base', { mode: 'json' }).notNull(),
    note: text('note').notNull(),
    status: text('status').$type<ProposalStatus>().notNull().default('open'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    decisionNote: text('decision_note'),
    /** The project's version that applied it (accepted). */
    appliedVersion: integer('applied_version'),
    proposedAt: createdAt(),
  },
  (t) => [index('ptri_proposals_ptri_idx').on(t.ptriId, t.id)],
);

/**
 * Summary: what the outcomes report needs of one project in one calendar year in which the UVM
 * evaluated it, recomputed from the raw rows (view `ptri_outcome_facts`) by triggers on
 * evaluations, ptris, ptri_transitions (migration 0150). Columns are null where the report skips
 * the project: a change needs two evaluations recording it up to the year's end, the days one
 * activation in the year.
 */
export const ptriOutcomeYears = sqliteTable(
  'ptri_outcome_years',
  {
    ptriId: integer('ptri_id')
      .notNull()
      .references(() => ptris.id),
    year: integer('year').notNull(),
    serviceId: integer('service_id').notNull(),
    lotId: integer('lot_id').notNull(),
    /** The day of the project's first evaluation in the year, then its id zero-padded: the order the report lists moves in. */
    firstKey: text('first_key').notNull(),
    honosChange: integer('honos_change'),
    livingFrom: text('living_from'),
    livingTo: text('living_to'),
    workFrom: text('work_from'),
    workTo: text('work_to'),
    daysSubmissionToActive: integer('days_submission_to_active'),
    daysDraftToActive: integer('days_draft_to_active'),
  },
  (t) => [
    primaryKey({ columns: [t.ptriId, t.year] }),
    index('ptri_outcome_years_living_idx')
      .on(t.year, t.serviceId, t.lotId, t.livingFrom, t.livingTo, t.firstKey)
      .where(sql`${t.livingFrom} IS NOT NULL`),
    index('ptri_outcome_years_work_idx')
      .on(t.year, t.serviceId, t.lotId, t.workFrom, t.workTo, t.firstKey)
      .where(sql`${t.workFrom} IS NOT NULL`),
  ],
);

/**
 * Summary: the outcomes report's counters per year, service and lot, kept by triggers on
 * `ptri_outcome_years`, goals and follow_ups (migration 0150). `figure` says what is counted:
 * `evaluated` projects, `honos` changes and `submission_days`/`draft_days` per `value` (a
 * histogram, so medians come exactly from the counts), `living`/`work` moves from `key_a` to
 * `key_b` (with the first project's `first_key`), `goal` statuses (`key_a` the axis, `key_b` the
 * status) and `follow_up` contacts dated in the year.
 */
export const outcomeCounts = sqliteTable(
  'outcome_counts',
  {
    year: integer('year').notNull(),
    serviceId: integer('service_id').notNull(),
    lotId: integer('lot_id').notNull(),
    figure: text('figure').notNull(),
    value: integer('value').notNull(),
    keyA: text('key_a').notNull(),
    keyB: text('key_b').notNull(),
    n: integer('n').notNull(),
    firstKey: text('first_key'),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.serviceId, t.lotId, t.figure, t.value, t.keyA, t.keyB] }),
    // The report's lots added up in the order it groups by, read from the index alone (migration 0200).
    index('outcome_counts_report_idx').on(t.year, t.serviceId, t.figure, t.value, t.keyA, t.keyB, t.lotId, t.n, t.firstKey),
  ],
);
