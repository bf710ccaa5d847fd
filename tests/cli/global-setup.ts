import { build } from 'vite';
import { PROJECT_ROOT } from '../../src/node/scenario-folder.ts';

/** The command line's tests run its bundle, as `npm run cli` does: built once, from the sources under test. */
export default async function setup() {
  await build({ root: PROJECT_ROOT, mode: 'cli', logLevel: 'warn' });
}
