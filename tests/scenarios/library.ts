import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLibrary, type LibraryEntry } from '../../src/engine/authoring/library.ts';

/** Every scenario and campaign in scenarios/, loaded as the game loads them. */
export function library(): LibraryEntry[] {
  const files = readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml') && f !== 'rules.yaml')
    .sort()
    .map((f) => ({ file: join('scenarios', f), text: readFileSync(join('scenarios', f), 'utf8') }));
  return loadLibrary(files, { file: 'scenarios/rules.yaml', text: readFileSync('scenarios/rules.yaml', 'utf8') });
}
