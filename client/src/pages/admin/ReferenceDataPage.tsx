// Reference data the administrator keeps: services (with historical aliases), cooperatives,
// lots (members, executing members, hourly rate, ceiling), districts and Lot 3's flats, one tab each.
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { CooperativesAdmin } from '../../components/reference/CooperativesAdmin.tsx';
import { DistrictsAdmin } from '../../components/reference/DistrictsAdmin.tsx';
import { FlatsAdmin } from '../../components/reference/FlatsAdmin.tsx';
import { LotsAdmin } from '../../components/reference/LotsAdmin.tsx';
import { ServicesAdmin } from '../../components/reference/ServicesAdmin.tsx';
import { it } from '../../i18n/it.ts';
import { flats } from '../../i18n/itFlats.ts';
import { paths } from '../../routes/nav.ts';

const TABS = [
  { path: 'servizi', label: it.reference.services, Screen: ServicesAdmin },
  { path: 'cooperative', label: it.reference.cooperatives, Screen: CooperativesAdmin },
  { path: 'lotti', label: it.reference.lots, Screen: LotsAdmin },
  { path: 'distretti', label: it.reference.districts, Screen: DistrictsAdmin },
  { path: 'appartamenti', label: flats.admin.tab, Screen: FlatsAdmin },
];

export function ReferenceDataPage() {
  return (
    <>
      <h1>{it.reference.title}</h1>
      <nav className="tabs" aria-label={it.reference.title}>
        {TABS.map((tab) => (
          <NavLink key={tab.path} to={`${paths.referenceData}/${tab.path}`}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        {TABS.map(({ path, Screen }) => (
          <Route key={path} path={path} element={<Screen />} />
        ))}
        <Route path="*" element={<Navigate to={`${paths.referenceData}/servizi`} replace />} />
      </Routes>
    </>
  );
}
