// Routes of the signed-in app; who may open a page mirrors the server's role rules.
import type { Role } from '@bds/shared';
import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useAuth, useCurrentUser } from './auth/AuthProvider.tsx';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/States.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { homeFor, paths } from './routes/nav.ts';
import * as P from './routes/pages.ts';

const CLINICAL: Role[] = ['case_manager', 'uvm', 'manager', 'admin'];
const WRITERS: Role[] = ['case_manager', 'admin'];
const REPORTS: Role[] = ['manager', 'admin', 'case_manager'];

function Allow({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return roles.includes(user.role) ? children : <Navigate to={homeFor(user.role)} replace />;
}

function SignedInRoutes() {
  const user = useCurrentUser();
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<Navigate to={homeFor(user.role)} replace />} />
        <Route path={paths.caseload} element={<Allow roles={CLINICAL}><P.CaseloadPage /></Allow>} />
        <Route path={paths.newPtri} element={<Allow roles={WRITERS}><P.PtriCreatePage /></Allow>} />
        <Route path="/progetti/:id" element={<P.PtriDetailPage />} />
        <Route path="/progetti/:id/modifica" element={<Allow roles={WRITERS}><P.PtriEditPage /></Allow>} />
        <Route path="/progetti/:id/stampa" element={<P.PtriPrintPage />} />
        <Route path="/progetti/:id/valutazione" element={<Allow roles={['uvm', 'admin']}><P.EvaluationPage /></Allow>} />
        <Route path={paths.persons} element={<Allow roles={CLINICAL}><P.PersonSearchPage /></Allow>} />
        <Route path={paths.newPerson} element={<Allow roles={WRITERS}><P.PersonCreatePage /></Allow>} />
        <Route path="/persone/:id" element={<Allow roles={CLINICAL}><P.PersonPage /></Allow>} />
        <Route path={paths.uvmQueue} element={<Allow roles={['uvm', 'admin', 'manager']}><P.UvmQueuePage /></Allow>} />
        <Route path={paths.reviewCalendar} element={<Allow roles={CLINICAL}><P.ReviewCalendarPage /></Allow>} />
        <Route path={paths.coopProjects} element={<Allow roles={['cooperative']}><P.CoopProjectsPage /></Allow>} />
        <Route path={paths.interventions} element={<Allow roles={['cooperative']}><P.InterventionsPage /></Allow>} />
        <Route path={paths.coopReports} element={<Allow roles={['cooperative']}><P.CoopReportsPage /></Allow>} />
        <Route path={paths.yearlyCounts} element={<Allow roles={REPORTS}><P.YearlyCountsPage /></Allow>} />
        <Route path={paths.lotTotals} element={<Allow roles={REPORTS}><P.LotTotalsPage /></Allow>} />
        <Route path={paths.caseloadReport} element={<Allow roles={REPORTS}><P.CaseloadReportPage /></Allow>} />
        <Route path={paths.overdue} element={<Allow roles={REPORTS}><P.OverdueReviewsPage /></Allow>} />
        <Route path={paths.users} element={<Allow roles={['admin']}><P.UsersPage /></Allow>} />
        <Route path={paths.audit} element={<Allow roles={['admin', 'manager']}><P.AuditPage /></Allow>} />
        <Route path={paths.monthReviews} element={<Allow roles={['case_manager']}><P.MonthReviewsPage /></Allow>} />
        <Route path={`${paths.referenceData}/*`} element={<Allow roles={['admin']}><P.ReferenceDataPage /></Allow>} />
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
