// What an Italian office worker types is what is stored: amounts with thousands dots and decimal
// commas, a codice fiscale checked against the birth date beside it, and a cooperative's recorded
// intervention corrected and deleted from its month page.
import {
  formatMonth,
  today,
  type Activity,
  type Intervention,
  type Me,
  type MonthlyReport,
  type PtriDetail,
  type PtriSummary,
} from '@bds/shared';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, browserSession, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl);
let page: Page;

describe('Italian input in the browser', () => {
  it('stores the budget amounts meant by "2.120", "3.180,00", "1.500,50", "2120" and "2120.5", and shows them back the Italian way', async () => {
    const token = await apiToken(baseUrl, 'casemanager');
    const draft = (await apiGet<{ items: PtriSummary[] }>(baseUrl, token, '/api/ptris?status=draft&limit=1')).items[0];
    if (!draft) throw new Error('the demo data has no draft PTRI for CSM Navile');
    const before = await apiGet<PtriDetail>(baseUrl, token, `/api/ptris/${draft.id}`);
    page = await as('casemanager');
    await page.goto(`/progetti/${draft.id}/modifica`);
    await page.getByLabel('Note', { exact: true }).waitFor();

    const typed = ['2.120', '3.180,00', '1.500,50', '2120', '2120.5'];
    for (const [index, amount] of typed.entries()) {
      await page.getByRole('button', { name: 'Aggiungi risorsa – Formazione/Lavoro' }).click();
      const line = before.budgetLines.length + index;
      await page
        .getByLabel('Risorsa', { exact: true })
        .nth(line)
        .fill(`Risorsa ${index + 1}`);
      await page.getByLabel('Importo €', { exact: true }).nth(line).fill(amount);
    }
    await page.getByLabel('Note', { exact: true }).click();
    await expect
      .poll(() =>
        page
          .getByLabel('Importo €', { exact: true })
          .nth(before.budgetLines.length + 4)
          .inputValue(),
      )
      .toBe('2.120,50');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(new RegExp(`/progetti/${draft.id}$`));

    const after = await apiGet<PtriDetail>(baseUrl, token, `/api/ptris/${draft.id}`);
    const added = after.budgetLines.filter((line) => /^Risorsa \d$/.test(line.description)).map((line) => line.amount);
    expect(added).toEqual([2120, 3180, 1500.5, 2120, 2120.5]);
    await page.getByText('2.120,50 €').first().waitFor();
    await shot(page, '20-italian-amounts');
    expect(problems).toEqual([]);
  });

  it('refuses a codice fiscale that contradicts the birth date on the birth date, and registers nobody', async () => {
    const token = await apiToken(baseUrl, 'casemanager');
    page = await as('casemanager');
    await page.getByRole('link', { name: 'Nuova persona' }).click();
    await page.getByRole('heading', { name: 'Nuova persona' }).waitFor();
    await page.getByLabel('Codice fiscale', { exact: true }).fill('VRDLCU85C15A944R');
    await page.getByLabel('Cognome', { exact: true }).fill('Verdi');
    await page.getByLabel('Nome', { exact: true }).fill('Luca');
    await page.getByLabel('Data di nascita', { exact: true }).fill('1985-03-16');
    await page.getByLabel('Sesso', { exact: true }).selectOption('M');
    await page.getByLabel('Distretto di residenza', { exact: true }).selectOption({ label: 'Città di Bologna' });
    await page.getByRole('button', { name: 'Salva' }).click();

    await page.getByText(/^non corrisponde al codice fiscale, che indica la nascita il 15\/03/).waitFor();
    const birthDate = page.getByLabel('Data di nascita', { exact: true });
    expect(await birthDate.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Codice fiscale', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await shot(page, '21-fiscal-code-contradiction');
    const found = await apiGet<{ items: unknown[] }>(baseUrl, token, '/api/persons?q=VRDLCU85C15A944R');
    expect(found.items).toEqual([]);
  });

  it('lets a cooperative correct and delete an intervention of a month still open', async () => {
    const token = await apiToken(baseUrl, 'coop');
    const me = await apiGet<Me>(baseUrl, token, '/api/me');
    const year = new Date().getFullYear();
    const reports = (y: number) =>
      apiGet<{ months: MonthlyReport[] }>(baseUrl, token, `/api/cooperatives/${me.cooperativeId}/reports?year=${y}`);
    // The journey, sharing this server, submits the demo's last month: two rows of today give an open one.
    const active = (await apiGet<{ items: PtriSummary[] }>(baseUrl, token, '/api/ptris?status=active&limit=100')).items.find(
      (p) => !p.expired,
    );
    const activity = (await apiGet<Activity[]>(baseUrl, token, '/api/activities')).find((a) => a.axis === 'habitat' && a.active);
    if (!active || !activity) throw new Error('the demo data has no active project of the cooperative');
    for (const hours of [1, 2]) {
      const res = await fetch(`${baseUrl}/api/ptris/${active.id}/interventions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ date: today(), axis: 'habitat', activity: activity.label, hours, operatorRole: 'Educatore' }),
      });
      expect(res.status, await res.text()).toBe(201);
    }
    const months = [...(await reports(year - 1)).months, ...(await reports(year)).months];
    const open = months.find((m) => m.status === 'open' && m.totals.interventions >= 2);
    if (!open) throw new Error('the demo data has no open month with interventions');
    const listed = () =>
      apiGet<{ items: Intervention[] }>(
        baseUrl,
        token,
        `/api/interventions?month=${open.month}&cooperativeId=${me.cooperativeId}&limit=500`,
      );
    const [first, second] = (await listed()).items.filter((row) => row.editable);
    if (!first || !second) throw new Error('no editable interventions in the open month');

    page = await as('coop');
    await page.getByRole('link', { name: 'Interventi del mese' }).click();
    await page.getByLabel('Mese', { exact: true }).fill(open.month);
    await page.getByRole('heading', { name: new RegExp(`^${formatMonth(open.month)} – Totale`) }).waitFor();
    await page.getByText(/^Mese aperto/).waitFor();
    await page
      .getByRole('button', { name: /^Modifica l’intervento del/ })
      .first()
      .click({ timeout: 30_000 });
    const dialog = page.getByRole('dialog', { name: 'Modifica intervento' });
    await dialog.getByLabel('Ore', { exact: true }).fill(first.hours === 1.5 ? '1,75' : '1,5');
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await listed()).items.find((row) => row.id === first.id)?.hours).toBe(first.hours === 1.5 ? 1.75 : 1.5);

    page.once('dialog', (confirm) => void confirm.accept());
    await page
      .getByRole('button', { name: /^Elimina l’intervento del/ })
      .first()
      .click();
    await expect.poll(async () => (await listed()).items.some((row) => row.id === first.id)).toBe(false);
    expect((await listed()).items.some((row) => row.id === second.id)).toBe(true);
    expect(problems).toEqual([]);
  });
});
