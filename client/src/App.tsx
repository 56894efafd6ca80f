// Routes of the signed-in app; who may open a page is the shared table of what each role can do.
import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useAuth, useCurrentUser } from './auth/AuthProvider.tsx';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/States.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { homeFor, opens, paths } from './routes/nav.ts';
import * as P from './routes/pages.ts';

/** The page, or the role's home when the role may not open it. */
function Allow({ page, children }: { page: string; children: ReactNode }) {
  const user = useCurrentUser();
  return opens(user.role, page) ? children : <Navigate to={homeFor(user.role)} replace />;
}

/** The route of a page that needs a capability (PAGE_NEEDS); `path` when the route matches more than the page's own path. */
function guarded(page: string, element: ReactNode, path = page) {
  return <Route path={path} element={<Allow page={page}>{element}</Allow>} />;
}

function SignedInRoutes() {
  const user = useCurrentUser();
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<Navigate to={homeFor(user.role)} replace />} />
        {guarded(paths.caseload, <P.CaseloadPage />)}
        {guarded(paths.newPtri, <P.PtriCreatePage />)}
        <Route path="/progetti/:id" element={<P.PtriDetailPage />} />
        {guarded('/progetti/:id/modifica', <P.PtriEditPage />)}
        <Route path="/progetti/:id/stampa" element={<P.PtriPrintPage />} />
        {guarded('/progetti/:id/valutazione', <P.EvaluationPage />)}
        {guarded(paths.persons, <P.PersonSearchPage />)}
        {guarded(paths.newPerson, <P.PersonCreatePage />)}
        {guarded('/persone/:id', <P.PersonPage />)}
        {guarded(paths.uvmQueue, <P.UvmQueuePage />)}
        {guarded(paths.reviewCalendar, <P.ReviewCalendarPage />)}
        {guarded(paths.coopProjects, <P.CoopProjectsPage />)}
        {guarded(paths.interventions, <P.InterventionsPage />)}
        {guarded(paths.coopReports, <P.CoopReportsPage />)}
        {guarded(paths.yearlyCounts, <P.YearlyCountsPage />)}
        {guarded(paths.lotTotals, <P.LotTotalsPage />)}
        {guarded(paths.caseloadReport, <P.CaseloadReportPage />)}
        {guarded(paths.overdue, <P.OverdueReviewsPage />)}
        {guarded(paths.outcomes, <P.OutcomesPage />)}
        {guarded(paths.budgetComposition, <P.BudgetCompositionPage />)}
        {guarded(paths.users, <P.UsersPage />)}
        {guarded(paths.audit, <P.AuditPage />)}
        {guarded(paths.monthReviews, <P.MonthReviewsPage />)}
        {guarded(paths.caseloadImport, <P.CaseloadImportPage />)}
        {guarded(paths.flats, <P.FlatsPage />)}
        {guarded(paths.flatsReport, <P.FlatsReportPage />)}
        {guarded(paths.departmentParts, <P.DepartmentPartsPage />)}
        {guarded(paths.referenceData, <P.ReferenceDataPage />, `${paths.referenceData}/*`)}
        {guarded(paths.communityActivities, <P.CommunityCataloguePage />)}
        {guarded('/attivita-comunita/:id', <P.CommunityActivityPage />)}
        {guarded(paths.communityReport, <P.CommunityReportPage />)}
        <Route path={paths.resources} element={<P.ResourceCataloguePage />} />
        <Route path="/risorse/:id" element={<P.ResourcePage />} />
        {guarded(paths.resourcesReport, <P.ResourcesReportPage />)}
        {guarded(paths.memberEvaluations, <P.MemberEvaluationsPage />)}
        <Route path={paths.changePassword} element={<P.ChangePasswordPage />} />
        <Route path={paths.guide} element={<P.GuidePage />} />
        <Route path="*" element={<Navigate to={homeFor(user.role)} replace />} />
      </Routes>
    </Layout>
  );
}

export function App() {
  const { user, restoring } = useAuth();
  if (restoring) return <Loading />;
  if (!user) return <LoginPage />;
  if (user.mustChangePassword) {
    return (
      <Suspense fallback={<Loading />}>
        <P.MustChangePasswordPage />
      </Suspense>
    );
  }
  return <SignedInRoutes />;
}
