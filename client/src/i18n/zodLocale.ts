// zod's own messages in Italian (as on the server), and no compiled parsers: zod probes
// `new Function` for them, which the app's CSP (script-src 'self', no 'unsafe-eval') reports as a
// violation on every page. Loaded before any page (routes/pages.ts), and from its own module
// rather than the shared index, so that it runs before any schema is built or used.
import { configureItalianZodMessages } from '@bds/shared/zod-italian';

configureItalianZodMessages({ jitless: true });
