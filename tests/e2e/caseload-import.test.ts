// The admin brings a small caseload file in through the browser: the preview lists an unknown
// service spelling, the admin maps it to the service, previews again and confirms the import.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, browserSession, shot } from './browser.ts';
import { birthDateOf, fiscalCode } from './people.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl);
let page: Page;

const SPELLING = 'CSM NAVILE - CASA DELLA SALUTE';
const CODES = [fiscalCode(901), fiscalCode(902, 'M')];
/** Each code's birth date as the spreadsheet writes it (gg/mm/aaaa). */
const BORN = [birthDateOf(901), birthDateOf(902)].map((iso) => iso.split('-').reverse().join('/'));

function caseloadFile(): Buffer {
  const rows = [
    'codice_fiscale;cognome;nome;data_nascita;sesso;distretto;servizio;lotto;data_inizio;data_fine;stato;data_chiusura;intensita;cooperative;case_manager;obiettivi_casa;obiettivi_socialita;obiettivi_lavoro',
    `${CODES[0]};Benassi;Lucìa;${BORN[0]};F;Città di Bologna;${SPELLING};1;01/09/2026;31/08/2027;attivo;;media;;casemanager;Vivere in autonomia;Frequentare un gruppo;`,
    `${CODES[1]};Zanardi;Nicolò;${BORN[1]};M;Città di Bologna;CSM Navile;1;01/01/2025;31/12/2025;chiuso;31/12/2025;bassa;;;;Uscire di casa;Tirocinio`,
  ];
  // As Excel's plain "CSV" writes it on an Italian Windows: Windows-1252, which holds "ì" and "ò" as one byte each.
  return Buffer.from(`${rows.join('\r\n')}\r\n`, 'latin1');
}

describe('importing a caseload in the browser', () => {
  it('previews the file, maps an unknown spelling to its service, and imports it', async () => {
    page = await as('admin');
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Importa carichi' }).click();
    await page.getByRole('heading', { name: 'Importa carichi', level: 1 }).waitFor();
    await page.getByLabel('File dei carichi').setInputFiles({ name: 'carichi-navile.csv', mimeType: 'text/csv', buffer: caseloadFile() });
    await page.getByRole('button', { name: 'Anteprima' }).click();

    const errors = page.getByRole('table', { name: 'Errori da correggere' });
    await errors.waitFor();
    expect(await errors.textContent()).toContain('servizio sconosciuto');
    expect(await page.getByRole('button', { name: 'Conferma l’importazione' }).count()).toBe(0);
    await shot(page, '20-caseload-preview');

    await page.getByLabel(`Servizio a cui associare «${SPELLING}»`).selectOption({ label: 'CSM Navile' });
    await page.getByRole('button', { name: 'Associa come denominazione' }).click();
    await page.getByText(`«${SPELLING}» è ora una denominazione di CSM Navile`).waitFor();
    const confirm = page.getByRole('button', { name: 'Conferma l’importazione' });
    await confirm.waitFor();
    expect(await errors.count()).toBe(0);
    const counts = page.getByRole('table', { name: 'Anteprima' });
    expect(await counts.getByRole('row', { name: /Progetti nuovi/ }).textContent()).toContain('2');

    await confirm.click();
    const result = page.getByRole('table', { name: 'Importazione completata' });
    await result.waitFor();
    expect(await result.getByRole('row', { name: /Persone nuove/ }).textContent()).toContain('2');
    await shot(page, '21-caseload-imported');

    const token = await apiToken(baseUrl, 'admin');
    const found = await apiGet<{ items: { givenName: string; familyName: string }[] }>(baseUrl, token, `/api/persons?q=${CODES[0]}`);
    expect(found.items).toEqual([expect.objectContaining({ givenName: 'Lucìa', familyName: 'Benassi' })]);
    expect(problems).toEqual([]);
  });
});
