import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEntry } from '../../src/engine/authoring/library.ts';
import type { TextFile } from '../../src/engine/authoring/load.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';

const read = (file: string): TextFile => ({ file, text: readFileSync(file, 'utf8') });

/** The library's campaign when there is one, else the test campaign: what the comparison figures are measured on. */
export function benchCampaign(): Scenario {
  const library = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', f));
  const campaign = library.find((f) => /^kind:\s*campaign/m.test(readFileSync(f, 'utf8')));
  const files = campaign ? library : readdirSync('tests/fixtures/scenarios').map((f) => join('tests/fixtures/scenarios', f));
  const target = campaign ?? 'tests/fixtures/scenarios/two_crises.yaml';
  if (!existsSync(target)) throw new Error('no campaign to measure');
  const entry = loadEntry(read(target), files.map(read), read('scenarios/rules.yaml'));
  if (!entry.ok) throw new Error(`${target} does not load: ${entry.error[0]?.message}`);
  return entry.value;
}
