// zod's own messages (for checks the shared schemas do not word themselves) in Italian.
import { z } from 'zod';
import italian from 'zod/v4/locales/it.js';

z.config(italian());
