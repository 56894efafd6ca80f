// zod's own messages (for the checks the shared schemas do not word themselves) in Italian, on
// both sides: a field error the server sends is shown to the user as it is.
import { z } from 'zod';
import italian from 'zod/v4/locales/it.js';

/** A field left out, or a choice not made, reads as what it is, not as "atteso string, ricevuto undefined". */
function isLeftOut(issue: { code?: string; input?: unknown }): boolean {
  return (issue.code === 'invalid_type' && issue.input === undefined) || (issue.code === 'invalid_value' && issue.input === '');
}

export function configureItalianZodMessages(options: { jitless?: boolean } = {}): void {
  const { localeError } = italian();
  z.config({
    localeError: (issue) => (isLeftOut(issue) ? 'campo obbligatorio' : localeError(issue)),
    ...options,
  });
}
