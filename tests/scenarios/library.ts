import { loadLibrary, type LibraryEntry } from '../../src/engine/authoring/library.ts';
import { libraryFiles, rulesFile } from '../../src/node/scenario-folder.ts';

/** Every scenario and campaign in scenarios/, loaded as the game loads them. */
export function library(): LibraryEntry[] {
  return loadLibrary(libraryFiles(), rulesFile());
}
