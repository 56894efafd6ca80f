// Pictures of every page issue 20 fixed, at 1280 px and at 390 px, for a person to open and look
// at: the report pages, the cooperative's grid and a submitted month, the project timeline, the
// access log of one person and the project list with its total. Each page must show its heading
// and its content without a browser problem; the pictures go to tests/e2e/screenshots/.
import type { PtriSummary } from '@bds/shared';
import { today } from '@bds/shared/dates';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, browserSession, DESKTOP, PHONE, shot } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl);
const WAIT = { timeout: 15_000 };

/** Waits for the page's heading and data, then takes it at both widths. */
async function picture(page: Page, name: string) {
  await page.getByRole('heading', { level: 1 }).waitFor(WAIT);
  await expect.poll(() => page.locator('main .state-loading').count(), WAIT).toBe(0);
  await shot(page, `issue20-${name}-1280`);
  await page.setViewportSize(PHONE);
  await shot(page, `issue20-${name}-390`);
  await page.setViewportSize(DESKTOP);
}

const REPORT_PAGES = [
  ['utenti', '/report/utenti'],
  ['lotti', '/report/lotti'],
  ['carichi', '/report/carichi'],
  ['revisioni-scadute', '/report/revisioni-scadute'],
  ['esiti', '/report/esiti'],
  ['composizione-budget', '/report/composizione-budget'],
  ['appartamenti', '/report/appartamenti'],
  ['attivita-comunita', '/report/attivita-comunita'],
] as const;

describe('pictures of the pages fixed for issue 20', () => {
  it('takes the manager’s report pages and a project’s timeline', async () => {
    const page = await as('manager');
    for (const [name, path] of REPORT_PAGES) {
      await page.goto(path);
      await page.locator('main table, main .state-empty').first().waitFor(WAIT);
      await picture(page, `report-${name}`);
    }
    const token = await apiToken(baseUrl, 'manager');
    const active = await apiGet<{ items: PtriSummary[] }>(baseUrl, token, '/api/ptris?status=active&limit=1');
    const project = active.items[0];
    if (!project) throw new Error('the demo data has no active project');
    await page.goto(`/progetti/${project.id}`);
    await page.locator('ol.timeline > li').first().waitFor(WAIT);
    await picture(page, 'timeline');
    await page.goto('/progetti');
    await page.locator('main tbody tr').first().waitFor(WAIT);
    await picture(page, 'progetti');
    expect(problems).toEqual([]);
  });

  it('takes the cooperative’s grid and a month already sent', async () => {
    const token = await apiToken(baseUrl, 'coop');
    const me = await apiGet<{ cooperativeId: number }>(baseUrl, token, '/api/me');
    const year = Number(today().slice(0, 4));
    const months = [];
    for (const y of [year, year - 1]) {
      const reports = await apiGet<{ months: { month: string; status: string }[] }>(
        baseUrl,
        token,
        `/api/cooperatives/${me.cooperativeId}/reports?year=${y}`,
      );
      months.push(...reports.months.filter((m) => m.status === 'submitted' || m.status === 'validated'));
    }
    const sent = months.sort((a, b) => b.month.localeCompare(a.month))[0];
    if (!sent) throw new Error('the demo cooperative has no month sent');
    const page = await as('coop');
    await page.getByRole('link', { name: 'Interventi del mese' }).click();
    await page.getByLabel('Progetto 1', { exact: true }).waitFor(WAIT);
    await picture(page, 'griglia-interventi');
    await page.getByLabel('Mese', { exact: true }).fill(sent.month);
    await page.getByText(/^Mese (inviato|validato)/).waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Aggiungi riga' }).count()).toBe(0);
    await picture(page, 'mese-inviato');
    expect(problems).toEqual([]);
  });

  it('takes the access log of one person', async () => {
    const token = await apiToken(baseUrl, 'admin');
    const projects = await apiGet<{ items: PtriSummary[] }>(baseUrl, token, '/api/ptris?status=active&limit=1');
    const personId = projects.items[0]?.personId;
    if (!personId) throw new Error('the demo data has no person in care');
    const page = await as('admin');
    await page.goto(`/admin/registro?personId=${personId}`);
    await page.locator('main tbody tr').first().waitFor(WAIT);
    await picture(page, 'registro-persona');
    expect(problems).toEqual([]);
  });
});
