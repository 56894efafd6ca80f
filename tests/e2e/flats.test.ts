// Lot 3 in the browser. On the demo data: the case manager finds free places and opens a flat's
// occupancy board; the manager reads the flats report with its charts. Then end to end: the admin
// opens a flat run by the lot's executing member; the case manager places a person with an active
// Lot 3 project in a free place and corrects the stay; the flat's cooperative sees the resident on
// its occupancy board, records and corrects hours for the flat and submits its month; the manager
// validates the flats part and reads the flats report.
import {
  addDays,
  addMonths,
  formatDate,
  formatMonth,
  today as departmentToday,
  type Activity,
  type FlatsReport,
  type Lot,
} from '@bds/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend, apiToken, shot, browserSession } from './browser.ts';
import { birthDateOf, fiscalCode } from './people.ts';

const baseUrl = inject('baseUrl');
const today = departmentToday();
// A month is submitted only once it has ended: the stay and the flat's hours start in the previous one.
const month = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
const year = Number(month.slice(0, 4));
const entry = `${month}-01`;
const workDay = `${month}-03`;
const FLAT = 'Casa Prova E2E';
const person = { familyName: 'Lodi', givenName: 'Bice', code: fiscalCode(3131), birthDate: birthDateOf(3131) };
const personName = `${person.givenName} ${person.familyName}`;

const { as, problems } = browserSession(baseUrl);
let page: Page;
let lot3: Lot;
let executingMember = { id: 0, name: '' };
let habitatActivity = '';
let ptriId = 0;

/** A person of CSM Navile with a Lot 3 project, active from the first of the previous month. */
async function activeLot3Project() {
  const cm = await apiToken(baseUrl, 'casemanager');
  const me = await apiGet<{ serviceId: number }>(baseUrl, cm, '/api/me');
  const services = await apiGet<{ id: number; districtId: number }[]>(baseUrl, cm, '/api/services');
  const districtId = services.find((s) => s.id === me.serviceId)?.districtId;
  const created = await apiSend<{ id: number }>(baseUrl, cm, 'POST', '/api/persons', {
    fiscalCode: person.code,
    givenName: person.givenName,
    familyName: person.familyName,
    birthDate: person.birthDate,
    sex: 'F',
    districtId,
  });
  const ptri = await apiSend<{ id: number; revision: number }>(baseUrl, cm, 'POST', '/api/ptris', {
    personId: created.id,
    serviceId: me.serviceId,
    lotId: lot3.id,
    startDate: entry,
    endDate: addDays(addMonths(entry, 12), -1),
    intensity: 'medium',
    cooperativeIds: [executingMember.id],
    goals: [{ axis: 'habitat', description: 'Vivere in un appartamento condiviso' }],
  });
  const before = addDays(entry, -10);
  await apiSend(baseUrl, cm, 'POST', `/api/ptris/${ptri.id}/transitions`, { to: 'submitted', date: before });
  await apiSend(baseUrl, cm, 'POST', `/api/ptris/${ptri.id}/signatures`, {
    revision: ptri.revision,
    signer: 'person',
    name: personName,
    date: before,
    method: 'paper',
  });
  await apiSend(baseUrl, await apiToken(baseUrl, 'uvm'), 'POST', `/api/ptris/${ptri.id}/evaluations`, {
    date: addDays(entry, -5),
    kind: 'initial',
    members: [{ name: 'Dott.ssa Rossi', role: 'psichiatra', organisation: 'health_service' }],
    outcome: 'approved',
  });
  return ptri.id;
}

beforeAll(async () => {
  const admin = await apiToken(baseUrl, 'admin');
  const lots = await apiGet<Lot[]>(baseUrl, admin, '/api/lots');
  const inForce = lots.find((lot) => lot.number === 3 && lot.tenderStart <= entry && entry <= lot.tenderEnd);
  if (!inForce?.executingCooperativeIds[0]) throw new Error('the demo has no Lot 3 with an executing member in force');
  lot3 = inForce;
  const cooperatives = await apiGet<{ id: number; name: string }[]>(baseUrl, admin, '/api/cooperatives');
  executingMember = cooperatives.find((c) => c.id === lot3.executingCooperativeIds[0]) ?? executingMember;
  habitatActivity =
    (await apiGet<Activity[]>(baseUrl, admin, '/api/activities')).find((a) => a.axis === 'habitat' && a.active)?.label ?? '';
  ptriId = await activeLot3Project();
});

describe('Lot 3 flats on the demo data', () => {
  it('shows the case manager every flat’s free places and a flat’s occupancy board', async () => {
    page = await as('casemanager');
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
    page = await as('manager');
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

describe('Lot 3 from a new flat to the flats report', () => {
  it('admin: opens a flat of the lot, run by its executing member', async () => {
    page = await as('admin');
    await page.getByRole('link', { name: 'Dati di riferimento' }).click();
    await page.getByRole('link', { name: 'Appartamenti', exact: true }).click();
    await page.getByRole('heading', { name: 'Appartamenti del Lotto 3' }).waitFor();
    await page.getByRole('button', { name: 'Nuovo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Appartamento', { exact: true }).fill(FLAT);
    await dialog.getByLabel('Distretto', { exact: true }).selectOption({ label: 'Città di Bologna' });
    await dialog.getByLabel('Posti', { exact: true }).fill('2');
    await dialog.getByLabel('Indirizzo', { exact: true }).fill('Via delle Prove 1, Bologna');
    await dialog.getByLabel('Lotto', { exact: true }).selectOption(String(lot3.id));
    await dialog.getByLabel('Cooperativa (consorziata esecutrice)', { exact: true }).selectOption(String(executingMember.id));
    await dialog.getByLabel('Apertura', { exact: true }).fill(addMonths(entry, -1));
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Elemento creato.').waitFor();
    await page.getByRole('cell', { name: FLAT, exact: true }).waitFor();
    expect(problems).toEqual([]);
  });

  it('case manager: places the person in a free place of the flat and sets the planned end', async () => {
    page = await as('casemanager');
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Appartamenti', exact: true }).click();
    await page.getByRole('button', { name: `Apri ${FLAT}` }).click();
    await page.getByRole('heading', { name: 'Occupazione di oggi' }).waitFor();
    expect(await page.locator('li.place-free').count()).toBe(2);
    const project = page.getByLabel('Progetto (Lotto 3, attivo)', { exact: true });
    await expect.poll(async () => (await project.locator(`option[value="${ptriId}"]`).count()) > 0).toBe(true);
    await project.selectOption(String(ptriId));
    await page.getByLabel('Ingresso', { exact: true }).fill(entry);
    await page.getByRole('button', { name: 'Inserisci' }).click();
    await page.getByText('Permanenza inserita.').waitFor();
    await page.locator('li.place-taken').filter({ hasText: personName }).waitFor();

    const plannedEnd = addDays(addMonths(entry, 6), -1);
    await page.getByRole('button', { name: `Modifica le date della permanenza di ${personName}` }).click();
    const row = page.getByRole('row').filter({ hasText: personName });
    await row.getByLabel('Fine prevista (facoltativa)', { exact: true }).fill(plannedEnd);
    await page.getByRole('button', { name: 'Salva le date' }).click();
    await row.getByRole('cell', { name: formatDate(plannedEnd), exact: true }).waitFor();
    expect(problems).toEqual([]);
  });

  it('cooperative: sees the resident, records and corrects the flat’s hours, and submits its month', async () => {
    page = await as('coop.tetto');
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Appartamenti', exact: true }).click();
    await page.getByRole('button', { name: `Apri ${FLAT}` }).click();
    await page.locator('li.place-taken').filter({ hasText: personName }).waitFor();

    await page.getByLabel('Data', { exact: true }).fill(workDay);
    await page.getByLabel('Attività (asse casa)', { exact: true }).selectOption(habitatActivity);
    await page.getByLabel('Ore', { exact: true }).fill('2,5');
    await page.getByLabel('Operatore', { exact: true }).fill('Educatore');
    await page.getByRole('button', { name: 'Registra', exact: true }).click();
    await page.getByText('Ore registrate.').waitFor();
    await page.getByLabel('Mese', { exact: true }).fill(month);
    await page.getByRole('button', { name: `Modifica le ore del ${formatDate(workDay)}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ore', { exact: true }).fill('3');
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.waitFor({ state: 'detached' });
    const hours = page
      .getByRole('row')
      .filter({ hasText: formatDate(workDay) })
      .getByRole('cell', { name: '3', exact: true });
    await hours.waitFor();

    const monthInItalian = formatMonth(month);
    await page.getByRole('link', { name: 'Interventi del mese' }).click();
    await page.getByRole('heading', { name: 'Interventi del mese', exact: true }).waitFor();
    await page.getByLabel('Mese', { exact: true }).fill(month);
    await page.getByRole('heading', { name: new RegExp(`^${monthInItalian} –`) }).waitFor();
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: `Chiudi e invia il mese (${monthInItalian})` }).click();
    await page.getByText(/^Mese inviato il/).waitFor();
    expect(problems).toEqual([]);
  });

  it('manager: validates the flats part of the month and finds the flat in the flats report', async () => {
    page = await as('manager');
    const menu = page.getByRole('navigation', { name: 'Navigazione principale' });
    await menu.getByRole('link', { name: 'Parti di dipartimento', exact: true }).click();
    await page.getByLabel('Anno', { exact: true }).selectOption(String(year));
    const part = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: executingMember.name }) })
      .filter({ hasText: formatMonth(month) })
      .filter({ hasText: 'Appartamenti di convivenza (Lotto 3)' });
    await part.getByRole('button', { name: 'Valida' }).click();
    await part.getByText('Validato').waitFor();

    await menu.getByRole('link', { name: 'Report appartamenti', exact: true }).click();
    await page.getByLabel('Anno', { exact: true }).selectOption(String(year));
    await page.getByRole('rowheader', { name: FLAT }).waitFor();
    const report = await apiGet<FlatsReport>(baseUrl, await apiToken(baseUrl, 'manager'), `/api/reports/flats?year=${year}`);
    expect(report.rows.find((row) => row.name === FLAT)).toMatchObject({
      places: 2,
      entries: 1,
      flatHours: 3,
      amount: 3 * (lot3.hourlyRate ?? 0),
    });
    await shot(page, 'lot3-flats-report');
    expect(problems).toEqual([]);
  });
});
