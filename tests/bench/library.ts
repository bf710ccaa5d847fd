import { fileKind, loadEntry } from '../../src/engine/authoring/library.ts';
import type { TextFile } from '../../src/engine/authoring/load.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { fixtureFiles, libraryFiles, rulesFile } from '../../src/node/scenario-folder.ts';

/** The library's campaign when there is one, else the test campaign: what the comparison figures are measured on. */
export function benchCampaignFile(): { target: TextFile; files: TextFile[] } {
  const library = libraryFiles();
  const campaign = library.find((f) => fileKind(f.text) === 'campaign');
  const files = campaign ? library : fixtureFiles();
  const target = campaign ?? files.find((f) => f.file.endsWith('/two_crises.yaml'));
  if (!target) throw new Error('no campaign to measure');
  return { target, files };
}

export function benchCampaign(): Scenario {
  const { target, files } = benchCampaignFile();
  const entry = loadEntry(target, files, rulesFile());
  if (!entry.ok) throw new Error(`${target.file} does not load: ${entry.error[0]?.message}`);
  return entry.value;
}
