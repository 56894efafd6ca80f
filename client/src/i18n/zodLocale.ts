// zod's own messages in Italian (as on the server), and no compiled parsers: zod probes
// `new Function` for them, which the app's CSP (script-src 'self', no 'unsafe-eval') reports as a
// violation on every page.
import { configureItalianZodMessages } from '@bds/shared';

configureItalianZodMessages({ jitless: true });
