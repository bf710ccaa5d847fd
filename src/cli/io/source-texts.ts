import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceTexts } from '../../engine/authoring/quotes.ts';
import { InputError } from './scenario-files.ts';

/** The source texts of a folder, by file name; a missing folder is bad input, not a check that failed. */
export function readSourceTexts(dir: string): SourceTexts {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(`${dir}: no such folder of source texts (give --sources the folder that holds 000_....txt)`);
  }
  const texts = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.txt')) texts.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return texts;
}
