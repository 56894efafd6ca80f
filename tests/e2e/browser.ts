// A browser tab on the app that records every CSP violation and uncaught error, served under a
// CSP stricter than the server's (no 'unsafe-inline' styles), plus sign-in and screenshot helpers.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEPARTMENT_TIME_ZONE } from '@bds/shared';
import { launchChromium } from './chromium.ts';

export const DEMO_PASSWORD = 'demo1234';
const ACTION_TIMEOUT_MS = 30_000;
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** The server's policy with inline styles forbidden: the client must not need them. */
export function stricter(csp: string): string {
  return csp
    .split(';')
    .map((directive) => (/^\s*style-src\s/.test(directive) ? directive.replace(/\s'unsafe-inline'/g, '') : directive))
    .join(';');
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** CSP violations, uncaught errors and React errors seen so far. */
  problems: string[];
}

export interface Viewport {
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { width: 1280, height: 900 };
export const PHONE: Viewport = { width: 390, height: 844 };

export async function openTab(browser: Browser, baseUrl: string, problems: string[] = [], viewport = DESKTOP): Promise<Tab> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'it-IT',
    timezoneId: DEPARTMENT_TIME_ZONE,
    viewport,
  });
  await context.route(
    (url) => url.origin === baseUrl && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/assets/'),
    async (route) => {
      const response = await route.fetch();
      // The page is served precompressed; fetch() hands over its body decoded, so it goes back plain.
      const { 'content-encoding': _encoding, 'content-length': _length, ...headers } = response.headers();
      const csp = headers['content-security-policy'];
      if (!csp) problems.push(`no Content-Security-Policy on ${route.request().url()}`);
      await route.fulfill({ response, headers: { ...headers, 'content-security-policy': stricter(csp ?? "default-src 'self'") } });
    },
  );
  // A string, not a function: it runs in the page, which this package's types do not describe.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));`,
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|CSP violation|Refused to/i.test(text)) problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // On CI's shared two-core machine a tab can go without frames for over 20 s while the other test
  // files run; a real fault still fails within the test's own timeout.
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return { context, page, problems };
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD, waitForApp = true): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Nome utente', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  if (waitForApp) await page.getByRole('navigation', { name: 'Navigazione principale' }).waitFor();
}

/**
 * Every page of the signed-in user's menu in turn, each once its heading is there and its requests
 * have settled, for `visit` to look at: the menu's link names.
 */
export async function visitMenuPages(page: Page, visit: (link: string) => Promise<void>): Promise<string[]> {
  const menu = page.getByRole('navigation', { name: 'Navigazione principale' });
  const links = await menu.getByRole('link').allTextContents();
  for (const link of links) {
    await menu.getByRole('link', { name: link, exact: true }).click();
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await visit(link);
  }
  return links;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Esci' }).click();
  await page.getByRole('heading', { name: 'Accesso' }).waitFor();
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A month of hundreds of rows is a page 50,000 px tall, whose full capture takes seconds: show its top.
  const height = await page.evaluate('document.documentElement.scrollHeight');
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: Number(height) <= 4000 });
}

/** A number as the Italian UI prints it ("1.234,5") read back. */
export function italianNumber(text: string): number {
  const cleaned = text
    .replace(/[^\d,.-]/g, '')
    .replace(/\./g, '')
    .replace(',', '.');
  return Number(cleaned);
}

/** Signs in through the API for set-up reads that are not what a test checks. */
export async function apiToken(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function apiGet<T>(baseUrl: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A set-up write through the API; its reply (nothing for a 204). */
export async function apiSend<T = Record<string, unknown>>(
  baseUrl: string,
  token: string,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export interface SignInOptions {
  /** Wait for the app's menu; false where the sign-in leads elsewhere first (a temporary password). */
  waitForApp?: boolean;
}

export interface BrowserSession {
  /** CSP violations, uncaught errors and React errors seen by any of the file's tabs. */
  problems: string[];
  /** A fresh tab signed in as `username`, the previous one closed so that each role starts clean: its page. */
  as: (username: string, password?: string, options?: SignInOptions) => Promise<Page>;
}

export interface SessionOptions {
  /** The window of every tab; a desktop's unless said. */
  viewport?: Viewport;
}

/** One Chromium for a test file's tests, a screenshot of a failed test's page, all closed at the end. */
export function browserSession(baseUrl: string, { viewport = DESKTOP }: SessionOptions = {}): BrowserSession {
  let browser: Browser | undefined;
  let tab: Tab | null = null;
  const problems: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async ({ task }) => {
    if (task.result?.errors?.length && tab) await shot(tab.page, `failed-${task.name.slice(0, 30)}`);
  });
  afterAll(async () => {
    await tab?.context.close();
    await browser?.close();
  });
  return {
    problems,
    as: async (username, password = DEMO_PASSWORD, { waitForApp = true } = {}) => {
      if (!browser) throw new Error('the browser is not started yet');
      await tab?.context.close();
      tab = await openTab(browser, baseUrl, problems, viewport);
      await signIn(tab.page, username, password, waitForApp);
      return tab.page;
    },
  };
}
