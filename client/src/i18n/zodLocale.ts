// zod's own messages (for checks the shared schemas do not word themselves) in Italian, and no
// compiled parsers: zod probes `new Function` for them, which the app's CSP (script-src 'self',
// no 'unsafe-eval') reports as a violation on every page.
import { z } from 'zod';
import italian from 'zod/v4/locales/it.js';

z.config({ ...italian(), jitless: true });
