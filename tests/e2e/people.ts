// Fictional persons with valid codici fiscali for the browser tests, and the case manager's way
// of registering one and starting a project for it in the browser.
import { fiscalCodeCheckChar } from '@bds/shared';
import type { Page } from 'playwright-core';

const MONTHS = 'ABCDEHLMPRST';

const dayOf = (n: number) => 10 + (n % 18);

/** A valid code for a fictional person; `n` keeps codes of one run apart. */
export function fiscalCode(n: number, sex: 'F' | 'M' = 'F'): string {
  // The six letters are n's digits in base 15: a different code for every n below 15^6.
  const letters = 'BCDFGHLMNPRSTVZ';
  const digit = (place: number) => letters.charAt(Math.floor(n / letters.length ** place) % letters.length);
  const surname = `${digit(5)}${digit(4)}${digit(3)}`;
  const name = `${digit(2)}${digit(1)}${digit(0)}`;
  const day = String(dayOf(n) + (sex === 'F' ? 40 : 0));
  const first15 = `${surname}${name}85${MONTHS.charAt(n % 12)}${day}A944`;
  return `${first15}${fiscalCodeCheckChar(first15)}`;
}

/** The birth date the code of `fiscalCode(n)` carries (the server refuses one that contradicts it). */
export function birthDateOf(n: number): string {
  return `1985-${String((n % 12) + 1).padStart(2, '0')}-${dayOf(n)}`;
}

export interface NewPerson {
  familyName: string;
  givenName: string;
  code: string;
  birthDate: string;
  sex: 'F' | 'M';
  district: string;
}

/** From the case manager's menu through "Nuova persona" to the saved person's page. */
export async function registerPerson(page: Page, person: NewPerson): Promise<void> {
  await page.getByRole('link', { name: 'Nuova persona' }).click();
  await page.getByRole('heading', { name: 'Nuova persona' }).waitFor();
  await page.getByLabel('Codice fiscale', { exact: true }).fill(person.code);
  await page.getByLabel('Cognome', { exact: true }).fill(person.familyName);
  await page.getByLabel('Nome', { exact: true }).fill(person.givenName);
  await page.getByLabel('Data di nascita', { exact: true }).fill(person.birthDate);
  await page.getByLabel('Sesso', { exact: true }).selectOption(person.sex);
  await page.getByLabel('Distretto di residenza', { exact: true }).selectOption({ label: person.district });
  await page.getByRole('button', { name: 'Salva' }).click();
}

export interface NewProject {
  lotId: number;
  startDate: string;
  endDate: string;
  /** The name of the cooperative it is shared with. */
  cooperative: string;
  goals: { habitat: string; sociality: string; work: string };
}

/** From the person's page, the new project form filled up to the budget lines (intensity medium). */
export async function startProject(page: Page, project: NewProject): Promise<void> {
  await page.getByRole('link', { name: 'Nuovo progetto per questa persona' }).click();
  await page.getByRole('heading', { name: 'Nuovo progetto (PTRI)' }).waitFor();
  await page.getByLabel('Lotto', { exact: true }).selectOption(String(project.lotId));
  await page.getByLabel('Data di inizio', { exact: true }).fill(project.startDate);
  await page.getByLabel('Data di fine', { exact: true }).fill(project.endDate);
  await page.getByLabel('Intensità', { exact: true }).selectOption('medium');
  await page.getByRole('checkbox', { name: project.cooperative }).check();
  await page.getByLabel('Obiettivo (Casa/Habitat sociale)', { exact: true }).fill(project.goals.habitat);
  await page.getByLabel('Obiettivo (Affettività/Socialità)', { exact: true }).fill(project.goals.sociality);
  await page.getByLabel('Obiettivo (Formazione/Lavoro)', { exact: true }).fill(project.goals.work);
}

/** On the project's page, the person's own signature of `revision`, and its name in the signatures. */
export async function recordPersonSignature(page: Page, name: string, mode: 'paper' | 'in_person', revision: number): Promise<void> {
  await page.getByLabel('Chi firma', { exact: true }).selectOption('person');
  await page.getByLabel('Nome e cognome', { exact: true }).fill(name);
  await page.getByLabel('Modalità', { exact: true }).selectOption(mode);
  await page.getByRole('button', { name: `Registra la firma della revisione ${revision}` }).click();
  await page.getByRole('status').filter({ hasText: 'Firma registrata.' }).waitFor();
  await page.getByRole('region', { name: 'Firme del progetto' }).getByText(name).waitFor();
}
