// What each role finds in the navigation, in its order: only the pages the shared table of
// capabilities lets it open (the app's routes ask the same table).
import { can, type Capability } from '@bds/shared/access';
import type { Role } from '@bds/shared';
import { it } from '../i18n/it.ts';
import { flats } from '../i18n/itFlats.ts';
import { uvmMember } from '../i18n/itResources.ts';

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

export const paths = {
  caseload: '/progetti',
  newPtri: '/progetti/nuovo',
  ptri: (id: number) => `/progetti/${id}`,
  editPtri: (id: number) => `/progetti/${id}/modifica`,
  printPtri: (id: number) => `/progetti/${id}/stampa`,
  evaluatePtri: (id: number) => `/progetti/${id}/valutazione`,
  persons: '/persone',
  newPerson: '/persone/nuova',
  person: (id: number) => `/persone/${id}`,
  uvmQueue: '/uvm/da-valutare',
  reviewCalendar: '/uvm/revisioni',
  coopProjects: '/cooperativa/progetti',
  interventions: '/cooperativa/interventi',
  coopReports: '/cooperativa/rendicontazioni',
  yearlyCounts: '/report/utenti',
  lotTotals: '/report/lotti',
  caseloadReport: '/report/carichi',
  overdue: '/report/revisioni-scadute',
  outcomes: '/report/esiti',
  budgetComposition: '/report/composizione-budget',
  users: '/admin/utenti',
  audit: '/admin/registro',
  monthReviews: '/rendicontazioni/da-validare',
  referenceData: '/admin/riferimenti',
  caseloadImport: '/admin/importa-carichi',
  changePassword: '/account/password',
  guide: '/guida',
  flats: '/appartamenti',
  flatsReport: '/report/appartamenti',
  departmentParts: '/rendicontazioni/dipartimento',
  communityActivities: '/attivita-comunita',
  communityActivity: (id: number) => `/attivita-comunita/${id}`,
  communityReport: '/report/attivita-comunita',
  resources: '/risorse',
  resource: (id: number) => `/risorse/${id}`,
  resourcesReport: '/report/risorse',
  memberEvaluations: '/uvm/partecipazioni',
};

/** What opening each page needs, by its route's path: the app's routes and the navigation both ask it. */
export const PAGE_NEEDS: Readonly<Record<string, Capability>> = {
  [paths.caseload]: 'readCaseload',
  [paths.newPtri]: 'writeProjects',
  '/progetti/:id/modifica': 'writeProjects',
  '/progetti/:id/valutazione': 'evaluate',
  [paths.persons]: 'readPersons',
  [paths.newPerson]: 'registerPersons',
  '/persone/:id': 'readPersons',
  [paths.uvmQueue]: 'readUvmQueue',
  [paths.reviewCalendar]: 'readReviewCalendar',
  [paths.coopProjects]: 'recordInterventions',
  [paths.interventions]: 'recordInterventions',
  [paths.coopReports]: 'recordInterventions',
  [paths.yearlyCounts]: 'readReports',
  [paths.lotTotals]: 'readReports',
  [paths.caseloadReport]: 'readReports',
  [paths.overdue]: 'readReports',
  [paths.outcomes]: 'readReports',
  [paths.budgetComposition]: 'readReports',
  [paths.users]: 'manageUsers',
  [paths.audit]: 'readAudit',
  [paths.monthReviews]: 'reviewMonths',
  [paths.referenceData]: 'manageReferenceData',
  [paths.caseloadImport]: 'importCaseload',
  [paths.flats]: 'readFlats',
  [paths.flatsReport]: 'readReports',
  [paths.departmentParts]: 'reviewDepartmentParts',
  [paths.communityActivities]: 'browseCommunityActivities',
  '/attivita-comunita/:id': 'browseCommunityActivities',
  [paths.communityReport]: 'readCommunityReport',
  [paths.resourcesReport]: 'readResourceReport',
  [paths.memberEvaluations]: 'sitOnUvm',
};

/** Whether the role may open the page at this path (a page without a need is open to every role). */
export function opens(role: Role, path: string): boolean {
  const needs = PAGE_NEEDS[path];
  return needs === undefined || can(role, needs);
}

const NAV: Record<Role, NavItem[]> = {
  case_manager: [
    { to: paths.caseload, label: it.nav.caseload.case_manager, end: true },
    { to: paths.persons, label: it.nav.persons, end: true },
    { to: paths.newPerson, label: it.nav.newPerson },
    { to: paths.monthReviews, label: it.nav.monthReviews },
    { to: paths.reviewCalendar, label: it.nav.reviewCalendar },
    { to: paths.caseloadReport, label: it.nav.caseloadReport },
    { to: paths.flats, label: flats.nav.flats },
    { to: paths.communityActivities, label: it.nav.communityActivities, end: true },
    { to: paths.resources, label: it.nav.resources, end: true },
  ],
  uvm: [
    { to: paths.uvmQueue, label: it.nav.uvmQueue },
    { to: paths.reviewCalendar, label: it.nav.reviewCalendar },
    { to: paths.caseload, label: it.nav.caseload.uvm, end: true },
    { to: paths.resources, label: it.nav.resources, end: true },
  ],
  cooperative: [
    { to: paths.coopProjects, label: it.nav.coopProjects },
    { to: paths.interventions, label: it.nav.interventions },
    { to: paths.coopReports, label: it.nav.coopReports },
    { to: paths.flats, label: flats.nav.flats },
    { to: paths.communityActivities, label: it.nav.coopCommunityActivities, end: true },
    { to: paths.resources, label: it.nav.resources, end: true },
  ],
  social_worker: [
    { to: paths.caseload, label: it.nav.caseload.social_worker, end: true },
    { to: paths.persons, label: it.nav.persons, end: true },
    { to: paths.memberEvaluations, label: uvmMember.nav },
    { to: paths.resources, label: it.nav.resources, end: true },
    { to: paths.resourcesReport, label: it.nav.resourcesReport },
  ],
  manager: [
    { to: paths.yearlyCounts, label: it.nav.yearlyCounts },
    { to: paths.lotTotals, label: it.nav.lotTotals },
    { to: paths.caseloadReport, label: it.nav.caseloadReport },
    { to: paths.overdue, label: it.nav.overdue },
    { to: paths.outcomes, label: it.nav.outcomes },
    { to: paths.flatsReport, label: flats.nav.flatsReport },
    { to: paths.departmentParts, label: flats.nav.departmentParts },
    { to: paths.flats, label: flats.nav.flats },
    { to: paths.communityReport, label: it.nav.communityReport },
    { to: paths.budgetComposition, label: it.nav.budgetComposition },
    { to: paths.resourcesReport, label: it.nav.resourcesReport },
    { to: paths.caseload, label: it.nav.caseload.manager, end: true },
    { to: paths.resources, label: it.nav.resources, end: true },
    { to: paths.audit, label: it.nav.audit },
  ],
  admin: [
    { to: paths.users, label: it.nav.users },
    { to: paths.referenceData, label: it.nav.referenceData },
    { to: paths.caseloadImport, label: it.nav.caseloadImport },
    { to: paths.audit, label: it.nav.audit },
    { to: paths.persons, label: it.nav.persons, end: true },
    { to: paths.caseload, label: it.nav.caseload.admin, end: true },
    { to: paths.yearlyCounts, label: it.nav.yearlyCounts },
    { to: paths.communityActivities, label: it.nav.communityActivities, end: true },
    { to: paths.resources, label: it.nav.resources, end: true },
  ],
};

export function navFor(role: Role): NavItem[] {
  return NAV[role].filter((item) => opens(role, item.to));
}

export function homeFor(role: Role): string {
  return navFor(role)[0]?.to ?? paths.caseload;
}
