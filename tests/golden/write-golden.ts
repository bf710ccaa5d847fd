import { writeFileSync } from 'node:fs';
import { computeGolden, GOLDEN_FILE } from '../support/golden-worlds.ts';

/**
 * Rewrites the golden world hashes: only for a change that is meant to alter behaviour (a model
 * change), named as such in its commit. `npm run golden`.
 */
writeFileSync(GOLDEN_FILE, `${JSON.stringify(computeGolden(), null, 1)}\n`);
process.stderr.write(`wrote ${GOLDEN_FILE}\n`);
