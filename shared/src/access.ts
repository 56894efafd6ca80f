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
  budgetLine: { id: true, axis: true, source: true, description: true, hours: true, amount: true },
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
  monthReportPart: { serviceId: true, serviceName: true, status: true, reviewedAt: true, reviewedBy: true, note: true, totals: true },
  reportPart: {
    cooperativeId: true,
    cooperativeName: true,
    month: true,
    serviceId: true,
    serviceName: true,
    status: true,
    note: true,
    reviewedAt: true,
    submittedAt: true,
    totals: true,
  },
};

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
};

/**
 * The municipality's social worker co-designs and co-signs the projects of the district's
 * residents: goals, budget, who sat on the UVM and its outcome, the living and work situation.
 * Never the clinical record: HoNOS and other scale scores, the project's and the UVM's notes, nor
 * the reasons and changes of revisions and moves (they may quote it). No route gives it the
 * interventions or the cooperatives' months.
 */
const SOCIAL_WORKER: FieldTable = {
  ...WHOLE_RECORD,
  project: { ...WHOLE_RECORD.project, notes: false },
  evaluation: { ...WHOLE_RECORD.evaluation, scores: false, scaleResults: false, honosTotal: false, notes: false },
  history: { ...WHOLE_RECORD.history, reason: false, changes: false },
};

export const FIELD_ACCESS: Readonly<Record<Role, FieldTable>> = {
  admin: WHOLE_RECORD,
  manager: WHOLE_RECORD,
  case_manager: WHOLE_RECORD,
  uvm: WHOLE_RECORD,
  cooperative: COOPERATIVE,
  social_worker: SOCIAL_WORKER,
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
};

/** What a role can do in the application: the client shows pages and actions by it. */
export const CAPABILITIES = [
  'readPersons',
  'registerPersons',
  'writeProjects',
  'readProjectHistory',
  'evaluate',
  'readUvmQueue',
  'readCaseload',
  'readReviewCalendar',
  'recordInterventions',
  'reviewMonths',
  'readReports',
  'readAudit',
  'manageUsers',
  'manageReferenceData',
  'importCaseload',
  'maintainResources',
  'readResourceReport',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  admin: [
    'readPersons',
    'registerPersons',
    'writeProjects',
    'readProjectHistory',
    'evaluate',
    'readUvmQueue',
    'readCaseload',
    'readReviewCalendar',
    'readReports',
    'readAudit',
    'manageUsers',
    'manageReferenceData',
    'importCaseload',
    'maintainResources',
    'readResourceReport',
  ],
  manager: [
    'readPersons',
    'readProjectHistory',
    'readUvmQueue',
    'readCaseload',
    'readReviewCalendar',
    'readReports',
    'readAudit',
    'maintainResources',
    'readResourceReport',
  ],
  case_manager: [
    'readPersons',
    'registerPersons',
    'writeProjects',
    'readProjectHistory',
    'readCaseload',
    'readReviewCalendar',
    'reviewMonths',
    'readReports',
    'readResourceReport',
  ],
  uvm: ['readPersons', 'readProjectHistory', 'evaluate', 'readUvmQueue', 'readCaseload', 'readReviewCalendar', 'readResourceReport'],
  cooperative: ['recordInterventions'],
  social_worker: ['readPersons', 'readProjectHistory', 'readCaseload', 'maintainResources', 'readResourceReport'],
};

export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}
