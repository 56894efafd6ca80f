// Pages are loaded on demand so the first paint carries only the shell and the login. zod and
// the shared schemas live in the pages' chunks: its Italian configuration is loaded before any
// page, so it is in place before a schema is built.
import { lazy, type ComponentType } from 'react';

let zodConfigured: Promise<unknown> | null = null;

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    zodConfigured ??= import('../i18n/zodLocale.ts');
    await zodConfigured;
    return { default: (await load())[name] };
  });
}

export const CaseloadPage = page(() => import('../pages/caseload/CaseloadPage.tsx'), 'CaseloadPage');
export const PersonSearchPage = page(() => import('../pages/persons/PersonSearchPage.tsx'), 'PersonSearchPage');
export const PersonPage = page(() => import('../pages/persons/PersonPage.tsx'), 'PersonPage');
export const PersonCreatePage = page(() => import('../pages/persons/PersonCreatePage.tsx'), 'PersonCreatePage');
export const PtriCreatePage = page(() => import('../pages/ptri/PtriCreatePage.tsx'), 'PtriCreatePage');
export const PtriEditPage = page(() => import('../pages/ptri/PtriEditPage.tsx'), 'PtriEditPage');
export const PtriDetailPage = page(() => import('../pages/ptri/PtriDetailPage.tsx'), 'PtriDetailPage');
export const PtriPrintPage = page(() => import('../pages/ptri/PtriPrintPage.tsx'), 'PtriPrintPage');
export const UvmQueuePage = page(() => import('../pages/uvm/UvmQueuePage.tsx'), 'UvmQueuePage');
export const EvaluationPage = page(() => import('../pages/uvm/EvaluationPage.tsx'), 'EvaluationPage');
export const ReviewCalendarPage = page(() => import('../pages/uvm/ReviewCalendarPage.tsx'), 'ReviewCalendarPage');
export const CoopProjectsPage = page(() => import('../pages/coop/CoopProjectsPage.tsx'), 'CoopProjectsPage');
export const InterventionsPage = page(() => import('../pages/coop/InterventionsPage.tsx'), 'InterventionsPage');
export const CoopReportsPage = page(() => import('../pages/coop/CoopReportsPage.tsx'), 'CoopReportsPage');
export const YearlyCountsPage = page(() => import('../pages/manager/YearlyCountsPage.tsx'), 'YearlyCountsPage');
export const LotTotalsPage = page(() => import('../pages/manager/LotTotalsPage.tsx'), 'LotTotalsPage');
export const CaseloadReportPage = page(() => import('../pages/manager/CaseloadReportPage.tsx'), 'CaseloadReportPage');
export const OutcomesPage = page(() => import('../pages/manager/OutcomesPage.tsx'), 'OutcomesPage');
export const BudgetCompositionPage = page(() => import('../pages/manager/BudgetCompositionPage.tsx'), 'BudgetCompositionPage');
export const OverdueReviewsPage = page(() => import('../pages/manager/OverdueReviewsPage.tsx'), 'OverdueReviewsPage');
export const UsersPage = page(() => import('../pages/admin/UsersPage.tsx'), 'UsersPage');
export const AuditPage = page(() => import('../pages/admin/AuditPage.tsx'), 'AuditPage');
export const MonthReviewsPage = page(() => import('../pages/reviews/MonthReviewsPage.tsx'), 'MonthReviewsPage');
export const CaseloadImportPage = page(() => import('../pages/admin/CaseloadImportPage.tsx'), 'CaseloadImportPage');
export const ReferenceDataPage = page(() => import('../pages/admin/ReferenceDataPage.tsx'), 'ReferenceDataPage');
export const ChangePasswordPage = page(() => import('../pages/account/ChangePasswordPage.tsx'), 'ChangePasswordPage');
export const MustChangePasswordPage = page(() => import('../pages/account/ChangePasswordPage.tsx'), 'MustChangePasswordPage');
export const GuidePage = page(() => import('../pages/help/GuidePage.tsx'), 'GuidePage');
export const FlatsPage = page(() => import('../pages/flats/FlatsPage.tsx'), 'FlatsPage');
export const FlatsReportPage = page(() => import('../pages/flats/FlatsReportPage.tsx'), 'FlatsReportPage');
export const DepartmentPartsPage = page(() => import('../pages/flats/DepartmentPartsPage.tsx'), 'DepartmentPartsPage');
export const CommunityCataloguePage = page(() => import('../pages/community/CommunityCataloguePage.tsx'), 'CommunityCataloguePage');
export const CommunityActivityPage = page(() => import('../pages/community/CommunityActivityPage.tsx'), 'CommunityActivityPage');
export const CommunityReportPage = page(() => import('../pages/community/CommunityReportPage.tsx'), 'CommunityReportPage');
export const ResourceCataloguePage = page(() => import('../pages/resources/ResourceCataloguePage.tsx'), 'ResourceCataloguePage');
export const ResourcePage = page(() => import('../pages/resources/ResourcePage.tsx'), 'ResourcePage');
export const ResourcesReportPage = page(() => import('../pages/resources/ResourcesReportPage.tsx'), 'ResourcesReportPage');
export const MemberEvaluationsPage = page(() => import('../pages/uvm/MemberEvaluationsPage.tsx'), 'MemberEvaluationsPage');
