// What each role finds in the navigation: only the work it does.
import type { Role } from '@bds/shared';
import { it } from '../i18n/it.ts';

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
  users: '/admin/utenti',
  audit: '/admin/registro',
  monthReviews: '/rendicontazioni/da-validare',
  referenceData: '/admin/riferimenti',
  changePassword: '/account/password',
  guide: '/guida',
};

const NAV: Record<Role, NavItem[]> = {
  case_manager: [
    { to: paths.caseload, label: it.nav.caseload.case_manager, end: true },
    { to: paths.persons, label: it.nav.persons, end: true },
    { to: paths.newPerson, label: it.nav.newPerson },
    { to: paths.monthReviews, label: it.nav.monthReviews },
    { to: paths.reviewCalendar, label: it.nav.reviewCalendar },
  ],
  uvm: [
    { to: paths.uvmQueue, label: it.nav.uvmQueue },
    { to: paths.reviewCalendar, label: it.nav.reviewCalendar },
    { to: paths.caseload, label: it.nav.caseload.uvm, end: true },
  ],
  cooperative: [
    { to: paths.coopProjects, label: it.nav.coopProjects },
    { to: paths.interventions, label: it.nav.interventions },
    { to: paths.coopReports, label: it.nav.coopReports },
  ],
  manager: [
    { to: paths.yearlyCounts, label: it.nav.yearlyCounts },
    { to: paths.lotTotals, label: it.nav.lotTotals },
    { to: paths.caseloadReport, label: it.nav.caseloadReport },
    { to: paths.overdue, label: it.nav.overdue },
    { to: paths.caseload, label: it.nav.caseload.manager, end: true },
    { to: paths.audit, label: it.nav.audit },
  ],
  admin: [
    { to: paths.users, label: it.nav.users },
    { to: paths.referenceData, label: it.nav.referenceData },
    { to: paths.audit, label: it.nav.audit },
    { to: paths.persons, label: it.nav.persons, end: true },
    { to: paths.caseload, label: it.nav.caseload.admin, end: true },
    { to: paths.yearlyCounts, label: it.nav.yearlyCounts },
  ],
};

export function navFor(role: Role): NavItem[] {
  return NAV[role];
}

export function homeFor(role: Role): string {
  return NAV[role][0]?.to ?? paths.caseload;
}
