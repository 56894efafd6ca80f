import type { Me } from '@bds/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { sessionStore } from '../api/session.ts';
import { json, mockFetch } from '../test/fetchMock.ts';
import { renderWithProviders } from '../test/render.tsx';
import { AuthProvider } from './AuthProvider.tsx';

const me: Me = {
  id: 8,
  username: 'nuovo',
  displayName: 'Nuovo Utente',
  role: 'case_manager',
  serviceId: 4,
  cooperativeId: null,
  districtId: null,
  mustChangePassword: true,
};

describe('temporary password', () => {
  it('shows only the password change until a valid new password is set', async () => {
    sessionStore.signedIn({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900, user: me });
    const calls = mockFetch((call) => {
      if (call.url === '/api/auth/password') return new Response(null, { status: 204 });
      if (call.url === '/api/me') return json(200, { ...me, mustChangePassword: false });
      if (call.url.startsWith('/api/')) return json(200, { items: [], nextCursor: null });
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(
      <AuthProvider>
        <App />
      </AuthProvider>,
    );

    expect(await screen.findByText('Prima di continuare è necessario scegliere una nuova password.')).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();

    await user.type(screen.getByLabelText('Password attuale'), 'Temporanea1');
    await user.type(screen.getByLabelText('Nuova password'), 'corta1');
    await user.type(screen.getByLabelText('Ripeti la nuova password'), 'corta1');
    await user.click(screen.getByRole('button', { name: 'Cambia password' }));
    expect(await screen.findByText('almeno 10 caratteri')).toBeTruthy();
    expect(calls.length).toBe(0);

    await user.clear(screen.getByLabelText('Nuova password'));
    await user.type(screen.getByLabelText('Nuova password'), 'Primavera2025');
    await user.clear(screen.getByLabelText('Ripeti la nuova password'));
    await user.type(screen.getByLabelText('Ripeti la nuova password'), 'Primavera2025');
    await user.click(screen.getByRole('button', { name: 'Cambia password' }));

    expect(await screen.findByRole('navigation', { name: 'Navigazione principale' })).toBeTruthy();
    expect(calls[0]?.body).toEqual({ currentPassword: 'Temporanea1', newPassword: 'Primavera2025' });
  });
});
