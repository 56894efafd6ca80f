// What each role may receive and do: one table per role × object of the fields it receives, and
// one list per role of what it can do. The server strips every reply by the first; the client
// shows pages and actions by the second. Free text is clinical until shown otherwise.
import type { z } from 'zod';
import type { Role } from './domain.ts';
import type { Evaluation } from './schemas/evaluations.ts';
import type { budgetLineSchema, goalSchema, HistoryEntry, PtriDetail } from './schemas/ptri.ts';
import type { PersonDetail } from './schemas/persons.ts';
import type { Intervention } from './schemas/interventions.ts';
import type { MonthlyReport, monthlyReportPartSchema, MonthlyReportPartItem } from './schemas/monthly-reports.ts';
import type { Flat, Stay } from './schemas/flats.ts';
import type { CommunitySession } from './schemas/community-activities.ts';
import type { Signature } from './schemas/agreement.ts';

/** The objects a reply carries, by the name the tables use. */
export interface AccessObjects {
  project: PtriDetail;
  goal: z.infer<typeof goalSchema>;
  budgetLine: z.infer<typeof budgetLineSchema>;
  evaluation: Evaluation;
  person: PersonDetail;
  intervention: Intervention;
  /** A revision or a lifecycle move of a project. */
  history: HistoryEntry;
  monthReport: MonthlyReport;
  monthReportPart: z.infer<typeof monthlyReportPartSchema>;
  /** A part of a month as the review lists show it, across cooperatives. */
  reportPart: MonthlyReportPartItem;
  /** A Lot 3 flat with its free places today. */
  flat: Flat;
  /** A stay in a flat; whose it is (`ptriId`, `personName`) follows the policy's `stayPersons`, row by row. */
  stay: Stay;
  /** A session of a Lot 4 community activity: counts, and attendees' project ids filtered by scope. */
  communitySession: CommunitySession;
  /** Who signed a content revision of a project. */
  signature: Signature;
}
export type AccessObject = keyof AccessObjects;

/**
 * Whether a role receives each field of an object. A field the reply schema requires is
 * received by every role that reads the object (`true`); an optional one is a decision.
 */
export type FieldAccess<T> = { readonly [K in keyof T]-?: undefined extends T[K] ? boolean : true };
export type FieldTable = { readonly [O in AccessObject]: FieldAccess<AccessObjects[O]> };

/** Every field of every object: the roles whose work is the clinical record. */
const WHOLE_RECORD: FieldTable = {
  project: {
    id: true,
    personId: true,
    personName: true,
    serviceId: true,
    lotId: true,
    caseManagerId: true,
    status: true,
    intensity: true,
    startDate: true,
    endDate: true,
    nextReviewDate: true,
    expired: true,
    version: true,
    updatedAt: true,
    revision: true,
    personSigned: true,
    signaturePending: true,
    benefits: true,
    cooperativeIds: true,
    goals: true,
    budgetLines: true,
    budget: true,
    notes: true,
    activatedOn: true,
    endedOn: true,
    createdAt: true,
    evaluations: true,
  },
  goal: { id: true, axis: true, description: true, targetDate: true, status: true },
  budgetLine: {
    id: true,
    axis: true,
    source: true,
    description: true,
    hours: true,
    amount: true,
    resourceId: true,
    confirmation: true,
    decision: true,
  },
  evaluation: {
    id: true,
    ptriId: true,
    date: true,
    kind: true,
    members: true,
    outcome: true,
    intensity: true,
    scores: true,
    scaleResults: true,
    honosTotal: true,
    nextReviewDate: true,
    notes: true,
    living: true,
    work: true,
    recordedBy: true,
    createdAt: true,
  },
  person: { id: true, fiscalCode: true, givenName: true, familyName: true, birthDate: true, sex: true, districtId: true, projects: true },
  intervention: {
    id: true,
    ptriId: true,
    cooperativeId: true,
    lotId: true,
    serviceId: true,
    date: true,
    month: true,
    axis: true,
    activityId: true,
    activity: true,
    hours: true,
    amount: true,
    operatorRole: true,
    notes: true,
    uploadId: true,
    createdAt: true,
    editable: true,
  },
  history: { kind: true, at: true, userId: true, userName: true, version: true, from: true, to: true, reason: true, changes: true },
  monthReport: {
    cooperativeId: true,
    month: true,
    status: true,
    submittedAt: true,
    submittedBy: true,
    note: true,
    totals: true,
    parts: true,
  },
  monthReportPart: {
    kind: true,
    serviceId: true,
    serviceName: true,
    status: true,
    reviewedAt: true,
    reviewedBy: true,
    note: true,
    totals: true,
  },
  reportPart: {
    cooperativeId: true,
    cooperativeName: true,
    month: true,
    kind: true,
    serviceId: true,
    serviceName: true,
    status: true,
    note: true,
    reviewedAt: true,
    submittedAt: true,
    totals: true,
  },
  flat: {
    id: true,
    name: true,
    districtId: true,
    address: true,
    places: true,
    lotId: true,
    cooperativeId: true,
    openedOn: true,
    closedOn: true,
    occupiedToday: true,
    freeToday: true,
  },
  stay: { id: true, flatId: true, ptriId: true, personName: true, from: true, to: true, destination: true, note: true },
  communitySession: {
    id: true,
    date: true,
    hours: true,
    operators: true,
    billedHours: true,
    amount: true,
    attendeePtriIds: true,
    attendees: true,
    otherParticipants: true,
    volunteers: true,
    note: true,
  },
  signature: {
    id: true,
    ptriId: true,
    revision: true,
    signer: true,
    name: true,
    date: true,
    method: true,
    recordedBy: true,
    createdAt: true,
  },
};

/**
 * A session's note is the activity's cooperative's own log of the group: the department reads it,
 * the services and the UVM who look up an activity for a person do not need it.
 */
const WITHOUT_SESSION_NOTES = { ...WHOLE_RECORD.communitySession, note: false };

/**
 * A cooperative does the work the project plans: goals, budget lines, its own interventions and
 * the notes addressed to it on its months. Never the project's notes, who sat on the UVM and its
 * notes or scores, the reasons of revisions and moves, nor what identifies the person beyond the name.
 */
const COOPERATIVE: FieldTable = {
  ...WHOLE_RECORD,
  project: { ...WHOLE_RECORD.project, notes: false },
  evaluation: {
    ...WHOLE_RECORD.evaluation,
    members: false,
    scores: false,
    scaleResults: false,
    honosTotal: false,
    notes: false,
    living: false,
    work: false,
  },
  person: { ...WHOLE_RECORD.person, fiscalCode: false, birthDate: false, sex: false },
  history: { ...WHOLE_RECORD.history, reason: false, changes: false },
  stay: { ...WHOLE_RECORD.stay, note: false },
  // Who signed for the person (a guardian, a family member) is not the cooperative's business.
  signature: { ...WHOLE_RECORD.signature, name: false },
};

/** A stay's exit note stays with the managers: a case manager reads the flats of every service. */
const CASE_MANAGER: FieldTable = {
  ...WHOLE_RECORD,
  stay: { ...WHOLE_RECORD.stay, note: false },
  communitySession: WITHOUT_SESSION_NOTES,
};

/**
 * The municipality's social worker co-designs and co-signs the projects of the district's
 * residents: goals, budget, who sat on the UVM and its outcome, the living and work situation.
 * Never the clinical record: HoNOS and other scale scores, the project's and the UVM's notes, nor
 * the reasons and changes of revisions and moves (they may quote it). No route gives it the
 * interventions or the cooperatives' months.
 */
const SOCIAL_WORKER: FieldTable = {
  ...CASE_MANAGER,
  project: { ...WHOLE_RECORD.project, notes: false },
  evaluation: { ...WHOLE_RECORD.evaluation, scores: false, scaleResults: false, honosTotal: false, notes: false },
  history: { ...WHOLE_RECORD.history, reason: false, changes: false },
};

/** The fields of `object` that `role` receives. */
export function receivedFields<O extends AccessObject>(role: Role, object: O): (keyof AccessObjects[O] & string)[] {
  const table = FIELD_ACCESS[role][object] as Record<string, boolean>;
  return Object.keys(table).filter((field) => table[field]) as (keyof AccessObjects[O] & string)[];
}

/**
 * The fields written by people in their own words, per object: what the data-minimisation test
 * plants a marker in wherever the table withholds it.
 */
export const FREE_TEXT_FIELDS: { readonly [O in AccessObject]: readonly (keyof AccessObjects[O] & string)[] } = {
  project: ['notes'],
  goal: ['description'],
  budgetLine: ['description'],
  evaluation: ['notes', 'members'],
  person: [],
  intervention: ['notes'],
  history: ['reason'],
  monthReport: ['note'],
  monthReportPart: ['note'],
  reportPart: ['note'],
  flat: [],
  stay: ['note'],
  communitySession: ['note'],
  signature: ['name'],
};

/** What a role can do in the application: the client shows pages and actions by it. */
export const CAPABILITIES = [
  'readPersons',
  'registerPersons',
  'writeProjects',
  'readProjectHistory',
  /** A project's flat stays and the community activities it attends (not the social worker's part of the plan). */
  'readProjectPlacements',
  'evaluate',
  'readUvmQueue',
  'readCaseload',
  'readReviewCalendar',
  'recordInterventions',
  'reviewMonths',
  /** Review the department-wide parts of the cooperatives' months (flats, community activities). */
  'reviewDepartmentParts',
  /** The Lot 3 flats and their free places (a cooperative: its own flats). */
  'readFlats',
  'readReports',
  'readAudit',
  'manageUsers',
  'manageReferenceData',
  'importCaseload',
  /** Browse the catalogue of Lot 4 community activities. */
  'browseCommunityActivities',
  /** Create and change community activities and record their sessions (a Lot 4 cooperative; the admin creates and changes). */
  'runCommunityActivities',
  /** Enrol a person's project in a community activity. */
  'enrolInCommunityActivities',
  'readCommunityReport',
  /** A person's benefits and income: read them (on the person and beside a project's budget). */
  'readBenefits',
  'recordBenefits',
  /** Record who signed a revision of a project. */
  'recordSignatures',
  'maintainResources',
  'readResourceReport',
  /** Propose changes to a draft its case manager shared with the cooperative. */
  'proposeChanges',
  /** Read the cooperatives' proposals on a draft (a cooperative: its own) and with whom it is shared. */
  'readProposals',
  /** Confirm or decline the social-services lines of a budget (the municipality's social worker). */
  'confirmSocialLines',
  /** Sit on UVM meetings as a named member, and find the meetings one sat on with their outcome. */
  'sitOnUvm',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  admin: [
    'readPersons',
    'registerPersons',
    'writeProjects',
    'readProjectHistory',
    'readProjectPlacements',
    'evaluate',
    'readUvmQueue',
    'readCaseload',
    'readReviewCalendar',
    'readFlats',
    'readReports',
    'readAudit',
    'manageUsers',
    'manageReferenceData',
    'importCaseload',
    'browseCommunityActivities',
    'runCommunityActivities',
    'readCommunityReport',
    'maintainResources',
    'readResourceReport',
    'readProposals',
  ],
  manager: [
    'readPersons',
    'readProjectHistory',
    'readProjectPlacements',
    'readUvmQueue',
    'readCaseload',
    'readReviewCalendar',
    'reviewDepartmentParts',
    'readFlats',
    'readReports',
    'readAudit',
    'browseCommunityActivities',
    'readCommunityReport',
    'readBenefits',
    'maintainResources',
    'readResourceReport',
    'readProposals',
  ],
  case_manager: [
    'readPersons',
    'registerPersons',
    'writeProjects',
    'readProjectHistory',
    'readProjectPlacements',
    'readCaseload',
    'readReviewCalendar',
    'reviewMonths',
    'readFlats',
    'readReports',
    'browseCommunityActivities',
    'enrolInCommunityActivities',
    'readBenefits',
    'recordBenefits',
    'recordSignatures',
    'readResourceReport',
    'readProposals',
  ],
  uvm: [
    'readPersons',
    'readProjectHistory',
    'readProjectPlacements',
    'evaluate',
    'readUvmQueue',
    'readCaseload',
    'readReviewCalendar',
    'browseCommunityActivities',
    'readResourceReport',
  ],
  cooperative: [
    'recordInterventions',
    'readFlats',
    'browseCommunityActivities',
    'runCommunityActivities',
    'proposeChanges',
    'readProposals',
  ],
  social_worker: [
    'readPersons',
    'readProjectHistory',
    'readCaseload',
    'maintainResources',
    'readResourceReport',
    'readBenefits',
    'recordBenefits',
    'recordSignatures',
    'browseCommunityActivities',
    'confirmSocialLines',
    'sitOnUvm',
  ],
};

export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}

/** The roles that can do something: what a route declares as the roles that may call it. */
export function rolesWith(capability: Capability): Role[] {
  return (Object.keys(ROLE_CAPABILITIES) as Role[]).filter((role) => can(role, capability));
}

/** A role's table, with the person's benefits on a project only where the role reads benefits. */
function tableOf(role: Role, table: FieldTable): FieldTable {
  return { ...table, project: { ...table.project, benefits: can(role, 'readBenefits') } };
}

export const FIELD_ACCESS: Readonly<Record<Role, FieldTable>> = {
  admin: tableOf('admin', WHOLE_RECORD),
  manager: tableOf('manager', WHOLE_RECORD),
  case_manager: tableOf('case_manager', CASE_MANAGER),
  uvm: tableOf('uvm', CASE_MANAGER),
  cooperative: tableOf('cooperative', COOPERATIVE),
  social_worker: tableOf('social_worker', SOCIAL_WORKER),
};
