import type { CreateUserBody, UpdateUserBody, User } from '@bds/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { UserForm } from './UserForm.tsx';

const message = (label: string) =>
  document.getElementById(screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')?.textContent ?? null;

function referenceData() {
  mockFetch((call) => {
    if (call.url.startsWith('/api/services'))
      return json(200, [{ id: 4, code: 'CSM-NAVILE', kind: 'CSM', name: 'CSM Navile', districtId: 1 }]);
    if (call.url.startsWith('/api/districts')) return json(200, [{ id: 1, code: 'BO', name: 'Città di Bologna' }]);
    if (call.url.startsWith('/api/cooperatives')) return json(200, []);
    return undefined;
  });
}

describe('the account form', () => {
  it('checks a new account with the server schema, every field at once, and sends only the chosen role’s scope', async () => {
    referenceData();
    const onCreate = vi.fn<(body: CreateUserBody) => Promise<unknown>>(async () => ({}));
    renderWithProviders(<UserForm user={null} onCreate={onCreate} onCancel={() => {}} />);
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Nome utente'), 'A');
    await user.type(screen.getByLabelText('Password iniziale'), 'corta');
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    expect(await screen.findByText('almeno 10 caratteri')).toBeTruthy();
    expect(message('Nome utente')).toBe('almeno 3 caratteri');
    expect(message('Nome visualizzato')).toBe('non può essere vuoto');
    expect(onCreate).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Nome utente'));
    await user.type(screen.getByLabelText('Nome utente'), 'uvm.nuova');
    await vi.waitFor(() => expect(message('Nome utente')).toBeNull());
    await user.type(screen.getByLabelText('Nome visualizzato'), 'Nuova UVM');
    await user.clear(screen.getByLabelText('Password iniziale'));
    await user.type(screen.getByLabelText('Password iniziale'), 'Primavera2025');
    await user.selectOptions(screen.getByLabelText('Ruolo'), 'uvm');
    await screen.findByRole('option', { name: 'Città di Bologna' });
    await user.selectOptions(screen.getByLabelText('Distretto'), '1');
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await vi.waitFor(() => expect(onCreate).toHaveBeenCalledOnce());
    expect(onCreate.mock.calls[0]?.[0]).toEqual({
      username: 'uvm.nuova',
      displayName: 'Nuova UVM',
      role: 'uvm',
      password: 'Primavera2025',
      serviceId: null,
      districtId: 1,
      cooperativeId: null,
    });
  });

  it("shows the server's refusal of a field beside it when an account is changed", async () => {
    referenceData();
    const existing: User = {
      id: 3,
      username: 'cm.navile',
      displayName: 'Case manager Navile',
      role: 'case_manager',
      serviceId: 4,
      cooperativeId: null,
      districtId: null,
      mustChangePassword: false,
      active: true,
      createdAt: '2025-01-01T00:00:00Z',
    };
    const onUpdate = vi.fn<(body: UpdateUserBody) => Promise<unknown>>(async () => {
      throw new ApiError({
        type: 'about:blank',
        title: 'Dati non validi',
        status: 400,
        errors: [{ path: 'displayName', message: 'già in uso' }],
      });
    });
    renderWithProviders(<UserForm user={existing} onUpdate={onUpdate} onCancel={() => {}} />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByLabelText('Attivo'));
    await user.click(screen.getByRole('button', { name: 'Salva' }));

    await screen.findByText('già in uso');
    expect(message('Nome visualizzato')).toBe('già in uso');
    expect(onUpdate.mock.calls[0]?.[0]).toEqual({
      displayName: 'Case manager Navile',
      role: 'case_manager',
      active: false,
      serviceId: 4,
      districtId: null,
      cooperativeId: null,
    });
  });
});
