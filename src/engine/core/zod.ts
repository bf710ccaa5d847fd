import { z } from 'zod';

/**
 * zod, configured once for the engine. Jitless: otherwise zod probes for `new Function` when a schema is
 * created, which a page with a strict Content-Security-Policy refuses (and reports). Every engine module
 * takes z from here, so the setting is in force before the first schema exists, in Node and in the browser.
 */
z.config({ jitless: true });

export { z };
