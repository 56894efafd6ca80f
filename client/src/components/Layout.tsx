// The signed-in shell: header with who and where, role-dependent navigation, the page.
import { Suspense, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import type { Me } from '@bds/shared';
import { useCooperatives, useDistricts, useServices, nameOf } from '../api/reference.ts';
import { useAuth, useCurrentUser } from '../auth/AuthProvider.tsx';
import { it } from '../i18n/it.ts';
import { navFor, paths } from '../routes/nav.ts';
import { Loading } from './States.tsx';

function useScopeLabel(user: Me): string {
  const services = useServices();
  const districts = useDistricts();
  const cooperatives = useCooperatives();
  if (user.serviceId != null) return nameOf(services.data, user.serviceId);
  if (user.districtId != null) return nameOf(districts.data, user.districtId);
  if (user.cooperativeId != null) return nameOf(cooperatives.data, user.cooperativeId);
  return it.auth.allScope;
}

export function Layout({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const scope = useScopeLabel(user);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Vai al contenuto
      </a>
      <header className="app-header">
        <p className="app-name">{it.appName}</p>
        <div className="who">
          <span>
            {it.auth.signedInAs} <strong>{user.displayName}</strong>
          </span>
          <span className="role">
            {it.roles[user.role]} · {it.auth.scope}: {scope}
          </span>
          <Link className="header-link" to={paths.guide}>
            {it.nav.guide}
          </Link>
          <Link className="header-link" to={paths.changePassword}>
            {it.nav.changePassword}
          </Link>
          <button type="button" className="secondary" onClick={() => void signOut()}>
            {it.auth.signOut}
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label={it.nav.label}>
        <ul>
          {navFor(user.role).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </div>
  );
}
