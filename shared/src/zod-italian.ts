// zod's own messages (for the checks the shared schemas do not word themselves) in Italian, on
// both sides: a field error the server sends is shown to the user as it is.
import { z } from 'zod';
import italian from 'zod/v4/locales/it.js';

export function configureItalianZodMessages(options: { jitless?: boolean } = {}): void {
  const { localeError } = italian();
  z.config({
    // A field left out reads as what it is, not as "atteso string, ricevuto undefined".
    localeError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'campo obbligatorio' : localeError(issue)),
    ...options,
  });
}
