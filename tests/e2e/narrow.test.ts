// On a phone-wide window (390 px) every page of the menu fits: wide tables scroll inside their
// own box, the header, the menu and "Esci" stay in view, and the page never scrolls sideways.
import { describe, expect, inject, it } from 'vitest';
import { browserSession, PHONE, visitMenuPages } from './browser.ts';

const baseUrl = inject('baseUrl');
const { as, problems } = browserSession(baseUrl, { viewport: PHONE });

describe('a phone-wide window', () => {
  it.each(['coop', 'casemanager', 'manager'])('shows every page of %s without sideways scrolling', async (username) => {
    const page = await as(username);
    const tooWide: string[] = [];
    const links = await visitMenuPages(page, async (link) => {
      // A string, not a function: it runs in the page, which this package's types do not describe.
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      if (width > PHONE.width) tooWide.push(`${link}: ${width} px`);
    });
    expect(links.length).toBeGreaterThan(1);
    expect(tooWide).toEqual([]);
    const exit = await page.getByRole('button', { name: 'Esci' }).boundingBox();
    expect(exit!.x + exit!.width).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
  });
});
