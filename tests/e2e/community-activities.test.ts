// Lot 4 in the browser: the case manager finds an activity in the catalogue and enrols a person,
// the activity's cooperative records a session with that person and anonymous participants, the
// manager reads the year's report with its chart.
import { formatCount, type CommunityActivity, type ListPage } from '@bds/shared';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { apiGet, apiToken, shot, browserSession } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl);
let page: Page;

describe('Lot 4 community activities in the browser', () => {
  it('takes an activity from the catalogue to an enrolment, a session and the manager’s report', async () => {
    // An activity of coop.paco that still runs today (the catalogue is the whole department's).
    const paco = await apiToken(baseUrl, 'coop.paco');
    const me = await apiGet<{ cooperativeId: number }>(baseUrl, paco, '/api/me');
    const cm = await apiToken(baseUrl, 'casemanager');
    const today = new Date().toISOString().slice(0, 10);
    const catalogue = await apiGet<ListPage<CommunityActivity>>(
      baseUrl,
      cm,
      `/api/community-activities?cooperativeId=${me.cooperativeId}&limit=100`,
    );
    const activity = catalogue.items.find((a) => a.to === null || a.to >= today);
    if (!activity) throw new Error('the demo has no running activity of coop.paco');

    page = await as('casemanager');
    await page.getByRole('link', { name: 'Attività di comunità', exact: true }).click();
    await page.getByRole('heading', { name: 'Attività di comunità (lotto 4)' }).waitFor();
    await page.getByLabel('Distretto').selectOption(String(activity.districtId));
    await page.getByLabel('Asse').selectOption(activity.axis);
    await page.getByRole('link', { name: activity.title }).click();
    await page.getByRole('heading', { name: activity.title }).waitFor();
    // An active project of the service not yet enrolled in the activity.
    const detail = await apiGet<{ enrolled: { ptriId: number }[] }>(baseUrl, cm, `/api/community-activities/${activity.id}`);
    const active = await apiGet<ListPage<{ id: number; personName: string }>>(baseUrl, cm, '/api/ptris?status=active&limit=100');
    const chosen = active.items.find((p) => !detail.enrolled.some((e) => e.ptriId === p.id));
    if (!chosen) throw new Error('every active project of CSM Navile is enrolled already');
    const personName = chosen.personName;
    const project = page.getByLabel('Progetto');
    await expect.poll(async () => (await project.locator('option').count()) > 1).toBe(true);
    await project.selectOption(String(chosen.id));
    await page.getByRole('button', { name: 'Iscrivi' }).click();
    await page.getByRole('button', { name: "Chiudi l'iscrizione" }).first().waitFor();
    await expect.poll(() => page.locator('section', { hasText: 'Persone iscritte' }).textContent()).toContain(personName);
    await shot(page, 'lot4-01-enrolled');

    page = await as('coop.paco');
    await page.getByRole('link', { name: 'Le nostre attività di comunità' }).click();
    await page.getByRole('link', { name: activity.title }).click();
    await page.getByRole('heading', { name: 'Registra un incontro' }).waitFor();
    await page.getByRole('checkbox', { name: personName }).check();
    await page.getByLabel('Altri partecipanti').fill('7');
    await page.getByLabel('Operatori').fill('2');
    await page.getByRole('button', { name: "Registra l'incontro" }).click();
    await page.getByText('Incontro registrato.').waitFor();
    // The newest session heads the table: 2 h × 2 operators, the enrolled person and seven others.
    const firstRow = page.locator('table tbody tr').first();
    await expect.poll(() => firstRow.textContent()).toContain('7');
    expect(await page.locator('body').textContent()).not.toMatch(/[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]/);
    await shot(page, 'lot4-02-session');
    // The sessions come a page at a time, under how many there are in all.
    const { total } = await apiGet<{ total: number }>(baseUrl, paco, `/api/community-activities/${activity.id}/sessions?limit=1`);
    await page.getByText(new RegExp(`^${formatCount(total)} risultati`)).waitFor();
    if (total > 50) {
      await page.getByRole('button', { name: 'Mostra altri' }).click();
      await expect.poll(() => page.locator('table tbody tr').count()).toBe(Math.min(total, 100));
    }

    page = await as('manager');
    await page.getByRole('link', { name: 'Report attività di comunità' }).click();
    await page.getByRole('heading', { name: 'Attività di comunità: report annuale' }).waitFor();
    await page.getByRole('row', { name: new RegExp(activity.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
    await page.getByRole('img', { name: /Partecipanti per distretto/ }).waitFor();
    await page.getByRole('button', { name: 'Scarica CSV' }).waitFor();
    await shot(page, 'lot4-03-report');
    expect(problems).toEqual([]);
  });
});
