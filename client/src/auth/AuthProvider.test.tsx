import type { Me, TokenPair } from '@bds/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { apiJson } from '../api/http.ts';
import { sessionStore } from '../api/session.ts';
import { json, mockFetch, problem } from '../test/fetchMock.ts';
import { renderWithProviders } from '../test/render.tsx';
import { AuthProvider } from './AuthProvider.tsx';

const me: Me = {
  id: 7,
  username: 'casemanager',
  displayName: 'CM',
  role: 'case_manager',
  serviceId: 4,
  cooperativeId: null,
  districtId: null,
  mustChangePassword: false,
};
const pair = (n: number): TokenPair => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900, user: me });

function NotesForm() {
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <label htmlFor="notes">Note</label>
      <input id="notes" value={text} onChange={(e) => setText(e.target.value)} />
      <button
        type="button"
        onClick={() => void apiJson<{ text: string }>('/api/notes', { method: 'POST', body: { text } }).then((r) => setSaved(r.text))}
      >
        Invia
      </button>
      {saved && <p>Salvato: {saved}</p>}
    </>
  );
}

describe('expired session', () => {
  it('asks to sign in over the page without losing what was typed, then retries the request', async () => {
    sessionStore.signedIn(pair(1));
    const calls = mockFetch((call) => {
      if (call.url === '/api/auth/refresh') return problem(401, 'Sessione revocata');
      if (call.url === '/api/auth/login') return json(200, pair(2));
      if (call.url === '/api/notes')
        return call.headers.authorization === 'Bearer access-2' ? json(200, call.body) : problem(401, 'Non autenticato');
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(
      <AuthProvider>
        <NotesForm />
      </AuthProvider>,
    );

    await user.type(screen.getByLabelText('Note'), 'colloquio con la famiglia');
    await user.click(screen.getByRole('button', { name: 'Invia' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Sessione scaduta' });
    expect((screen.getByLabelText('Note') as HTMLInputElement).value).toBe('colloquio con la famiglia');
    expect((within(dialog).getByLabelText('Nome utente') as HTMLInputElement).value).toBe('casemanager');

    await user.type(within(dialog).getByLabelText('Password'), 'demo1234');
    await user.click(within(dialog).getByRole('button', { name: 'Accedi' }));

    expect(await screen.findByText('Salvato: colloquio con la famiglia')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(calls.map((c) => c.url)).toEqual(['/api/notes', '/api/auth/refresh', '/api/auth/login', '/api/notes']);
  });
});
