import { describe, expect, it } from 'vitest';
import { can, ROLES } from '@bds/shared';
import { homeFor, navFor, opens, PAGE_NEEDS, paths } from './nav.ts';

describe('navigation from the shared capabilities', () => {
  it.each(ROLES)('shows %s only pages it can open, and a home among them', (role) => {
    const items = navFor(role);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(opens(role, item.to), item.to).toBe(true);
    expect(items.map((item) => item.to)).toContain(homeFor(role));
  });

  it('opens a page exactly to the roles with the capability it needs', () => {
    for (const [page, needs] of Object.entries(PAGE_NEEDS)) {
      for (const role of ROLES) expect(opens(role, page), `${role} ${page}`).toBe(can(role, needs));
    }
    expect(opens('cooperative', paths.persons)).toBe(false);
    expect(opens('cooperative', paths.changePassword)).toBe(true);
  });
});
