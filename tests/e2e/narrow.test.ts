// On a phone-wide window (390 px) every page of the menu fits: wide tables scroll inside their
// own box, the header, the menu and "Esci" stay in view, and the page never scrolls sideways.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { switchUser, type Tab } from './browser.ts';
import { launchChromium } from './chromium.ts';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
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

describe('a phone-wide window', () => {
  it.each(['coop', 'casemanager', 'manager'])('shows every page of %s without sideways scrolling', async (username) => {
    tab = await switchUser(browser, baseUrl, tab, username, problems);
    const { page } = tab;
    await page.setViewportSize(PHONE);
    const menu = page.getByRole('navigation', { name: 'Navigazione principale' });
    const links = await menu.getByRole('link').allTextContents();
    expect(links.length).toBeGreaterThan(1);
    const tooWide: string[] = [];
    for (const link of links) {
      await menu.getByRole('link', { name: link, exact: true }).click();
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      // A string, not a function: it runs in the page, which this package's types do not describe.
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      if (width > PHONE.width) tooWide.push(`${link}: ${width} px`);
    }
    expect(tooWide).toEqual([]);
    const exit = await page.getByRole('button', { name: 'Esci' }).boundingBox();
    expect(exit!.x + exit!.width).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
  });
});
