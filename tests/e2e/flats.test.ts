// Lot 3 in the browser, on the demo data: the case manager finds free places and opens a flat's
// occupancy board; the manager reads the flats report with its charts and the department-wide
// parts to review.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { switchUser, type Tab } from './browser.ts';
import { launchChromium } from './chromium.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let tab: Tab | null = null;
const problems: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await tab?.context.close();
  await browser?.close();
});

describe('Lot 3 flats', () => {
  it('shows the case manager every flat’s free places and a flat’s occupancy board', async () => {
    tab = await switchUser(browser, baseUrl, tab, 'casemanager', problems);
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Appartamenti', exact: true }).click();
    await page.getByRole('heading', { name: 'Appartamenti di convivenza (Lotto 3)' }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(8);
    await page.getByRole('button', { name: 'Apri Casa Bolognina' }).click();
    await page.getByRole('heading', { name: 'Occupazione di oggi' }).waitFor();
    const places = page.locator('li.place');
    expect(await places.count()).toBe(5);
    expect(problems).toEqual([]);
  });

  it('gives the manager the flats report with its charts and the department-wide parts', async () => {
    tab = await switchUser(browser, baseUrl, tab, 'manager', problems);
    const { page } = tab;
    const menu = page.getByRole('navigation', { name: 'Navigazione principale' });
    await menu.getByRole('link', { name: 'Report appartamenti', exact: true }).click();
    await page.getByRole('heading', { name: 'Appartamenti: occupazione e uscite' }).waitFor();
    await page.getByRole('img', { name: /Occupazione per mese/ }).waitFor();
    await page.getByRole('img', { name: /Uscite per destinazione/ }).waitFor();
    await page.getByRole('rowheader', { name: 'Casa Bolognina' }).waitFor();
    await menu.getByRole('link', { name: 'Parti di dipartimento', exact: true }).click();
    await page.getByRole('heading', { name: 'Parti del mese di tutto il dipartimento' }).waitFor();
    await page.getByRole('cell', { name: 'Appartamenti di convivenza (Lotto 3)' }).first().waitFor();
    expect(problems).toEqual([]);
  });
});
