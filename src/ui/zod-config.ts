import { config } from 'zod';

/**
 * Imported before anything that builds a schema: zod otherwise probes for `new Function` when a schema is
 * created, and the page's Content-Security-Policy refuses (and reports) it.
 */
config({ jitless: true });
