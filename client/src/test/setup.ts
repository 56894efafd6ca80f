// Test setup for the client project: unmount between tests, zod messages in Italian, clean storage.
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import '../i18n/zodLocale.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});
