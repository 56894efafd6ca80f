// Beside the journey: a stale edit gets the 409 dialog, the print view renders the document to
// sign, a temporary password leads to the change-password page first, the admin edits reference data.
import type { PtriSummary } from '@bds/shared';
import { describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend, apiToken, browserSession, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl);

describe('edits, print and accounts in the browser', () => {
  it('shows what another user changed when a PTRI edit is stale (409) and reloads it', async () => {
    const token = await apiToken(baseUrl, 'casemanager');
    const drafts = await apiGet<{ items: PtriSummary[] }>(baseUrl, token, '/api/ptris?status=draft&limit=1');
    const draft = drafts.items[0];
    if (!draft) throw new Error('the demo data has no draft PTRI for CSM Navile');
    const page = await as('casemanager');
    await page.goto(`/progetti/${draft.id}/modifica`);
    const notes = page.getByLabel('Note', { exact: true });
    await notes.waitFor();
    const detail = await apiGet<{ version: number }>(baseUrl, token, `/api/ptris/${draft.id}`);
    await apiSend(
      baseUrl,
      token,
      'PATCH',
      `/api/ptris/${draft.id}`,
      { notes: 'Cambiato da un collega' },
      { 'If-Match': `"${detail.version}"` },
    );
    await notes.fill('La mia modifica');
    await page.getByRole('button', { name: 'Salva' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Il progetto è stato modificato da un altro utente' });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('Cambiato da un collega');
    await shot(page, '09-conflict');
    await dialog.getByRole('button', { name: 'Ricarica' }).click();
    await expect.poll(() => notes.inputValue()).toBe('Cambiato da un collega');

    await page.goto(`/progetti/${draft.id}/stampa`);
    await page.getByRole('heading', { name: 'Progetto Terapeutico Riabilitativo Individualizzato con Budget di Salute' }).waitFor();
    expect(await page.getByText('La persona (o chi la rappresenta)').count()).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    await shot(page, '10-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('sends a user with a temporary password to the password change before anything else', async () => {
    const admin = await apiToken(baseUrl, 'admin');
    const services = await apiGet<{ id: number; code: string }[]>(baseUrl, admin, '/api/services');
    const serviceId = services.find((s) => s.code === 'CSM-NAVILE')?.id;
    await apiSend(baseUrl, admin, 'POST', '/api/users', {
      username: 'nuova.cm',
      displayName: 'Nuova Case Manager',
      role: 'case_manager',
      password: 'Temporanea2026',
      serviceId,
      districtId: null,
      cooperativeId: null,
    });
    const page = await as('nuova.cm', 'Temporanea2026', { waitForApp: false });
    await page.getByText('Prima di continuare è necessario scegliere una nuova password.').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.getByLabel('Password attuale', { exact: true }).fill('Temporanea2026');
    await page.getByLabel('Nuova password', { exact: true }).fill('Primavera2026bis');
    await page.getByLabel('Ripeti la nuova password', { exact: true }).fill('Primavera2026bis');
    await shot(page, '11-must-change-password');
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).waitFor();
    await page.getByRole('link', { name: 'Cambia password' }).waitFor();
  });

  it('lets the admin add a historical alias to a service and register a cooperative', async () => {
    const page = await as('admin');
    await page.getByRole('link', { name: 'Dati di riferimento' }).click();
    await page.getByRole('button', { name: /^Modifica: CSM Navile/ }).click();
    const aliases = page.getByLabel('Nomi storici (alias)', { exact: true });
    await aliases.fill(`${await aliases.inputValue()}\nCSM NAVILE - EX BOLOGNA NORD`.trim());
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Modifiche salvate.').waitFor();
    await page.getByRole('cell', { name: /CSM NAVILE - EX BOLOGNA NORD/ }).waitFor();
    await page.getByRole('link', { name: 'Cooperative', exact: true }).click();
    await page.getByRole('button', { name: 'Nuovo' }).click();
    await page.getByLabel('Nome', { exact: true }).fill('Coop. Soc. Nuovi Orizzonti (demo)');
    await page.getByLabel('Partita IVA', { exact: true }).fill('123');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('partita IVA: 11 cifre').waitFor();
    await page.getByLabel('Partita IVA', { exact: true }).fill('01234567890');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('cell', { name: 'Coop. Soc. Nuovi Orizzonti (demo)', exact: true }).waitFor();
    await shot(page, '12-reference-data');
    expect(problems).toEqual([]);
  });
});
