// Test setup for the client project: unmount between tests, zod messages in Italian, clean storage.
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import '../i18n/zodLocale.ts';

// Lazy pages load their chunk first: on a loaded machine that takes more than the default second.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});
