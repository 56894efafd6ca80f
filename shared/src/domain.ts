// The closed vocabularies of the domain, shared by the database, the API and the client.
export const ROLES = ['admin', 'manager', 'case_manager', 'uvm', 'cooperative', 'social_worker'] as const;
export type Role = (typeof ROLES)[number];

export const AXES = ['habitat', 'sociality', 'work'] as const;
export type Axis = (typeof AXES)[number];

export const SERVICE_KINDS = ['CSM', 'NPIA', 'SerDP'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const PTRI_STATUSES = ['draft', 'submitted', 'active', 'suspended', 'closed', 'rejected'] as const;
export type PtriStatus = (typeof PTRI_STATUSES)[number];

export const INTENSITIES = ['high', 'medium', 'low'] as const;
export type Intensity = (typeof INTENSITIES)[number];

/**
 * How far a goal got. `not_assessed`: no outcome on record, as a project imported already closed
 * from a spreadsheet without one gets (server/src/imports/rows.ts).
 */
export const GOAL_STATUSES = ['open', 'achieved', 'partly_achieved', 'not_achieved', 'not_assessed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/**
 * Who brings a resource into the Budget di Salute: the person, their family, the AUSL (its own
 * services or the cooperatives of the lots), the municipality's social services, other public
 * bodies (housing agency, employment centre, school), private funders and the community.
 */
export const BUDGET_SOURCES = ['person', 'family', 'ausl', 'social_services', 'other_public', 'private', 'community'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

/**
 * Where a social-services budget line stands with the municipality: proposed by the project,
 * confirmed or declined by a social worker of the person's district. Other sources carry none.
 */
export const LINE_CONFIRMATIONS = ['proposed', 'confirmed', 'declined'] as const;
export type LineConfirmation = (typeof LINE_CONFIRMATIONS)[number];
/** What a social worker decides on a proposed line. */
export const CONFIRMATION_DECISIONS = ['confirmed', 'declined'] as const;

/** Who signs a revision of a project. */
export const SIGNERS = ['person', 'guardian', 'family', 'case_manager', 'social_worker', 'cooperative', 'uvm'] as const;
export type Signer = (typeof SIGNERS)[number];

/**
 * The signers whose signature is the person's agreement: the person, or their guardian or
 * support administrator. An approval needs it on the revision the UVM approves.
 */
export const PERSON_SIGNERS: readonly Signer[] = ['person', 'guardian'];

export const SIGNATURE_METHODS = ['paper', 'in_person'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/** The benefits and income a person receives, recorded beside the budget. */
export const BENEFIT_KINDS = ['pension', 'disability_allowance', 'attendance_allowance', 'income_support', 'other'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

export const EVALUATION_KINDS = ['initial', 'review', 'extraordinary', 'final'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EVALUATION_OUTCOMES = ['approved', 'approved_with_changes', 'not_approved', 'postponed'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

/**
 * Where a person lives: recorded at each UVM evaluation and at follow-ups, and the destination of
 * a person leaving a Lot 3 flat. One list, so a move out of residential care reads the same everywhere.
 */
export const LIVING_SITUATIONS = [
  'own_home',
  'family',
  'supported_housing',
  'lot3_flat',
  'residential',
  'hospital',
  'homeless',
  'other',
] as const;
export type LivingSituation = (typeof LIVING_SITUATIONS)[number];

/**
 * Department-wide parts of a cooperative's month: work that serves persons of many services (a
 * Lot 3 flat's own hours, Lot 4 community sessions) forms a part of its own, reviewed by a DSM-DP
 * manager instead of one service's case managers. A month's parts are its services' and these.
 */
export const DEPARTMENT_PART_KINDS = ['flats', 'community_activities'] as const;
export type DepartmentPartKind = (typeof DEPARTMENT_PART_KINDS)[number];
export const PART_KINDS = ['service', ...DEPARTMENT_PART_KINDS] as const;
/**
 * How a department-wide part is stored: a fixed negative key in the `service_id` column of
 * monthly_report_parts and lot_month_totals, where a service's part has its service id. Stored
 * values: never renumber them.
 */
export const DEPARTMENT_PART_KEYS = { flats: -1, community_activities: -2 } as const satisfies Record<DepartmentPartKind, number>;
export type PartKind = (typeof PART_KINDS)[number];

/** The person's work situation, recorded at each UVM evaluation and at follow-ups. */
export const WORK_SITUATIONS = ['none', 'training', 'internship', 'employed', 'sheltered', 'other'] as const;
export type WorkSituation = (typeof WORK_SITUATIONS)[number];

export const SEXES = ['F', 'M'] as const;

/** What a community resource of the territory offers (the catalogue of the 2025 co-programming tables). */
export const RESOURCE_KINDS = ['housing', 'work_placement', 'training', 'group', 'volunteering', 'transport'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Who runs a resource: a third-sector body (ETS, with its RUNTS number), a company, a public body, an informal group. */
export const PROVIDER_KINDS = ['ets', 'company', 'public', 'informal'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A cooperative's proposal on a shared draft: open until the case manager accepts or declines it. */
export const PROPOSAL_STATUSES = ['open', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
