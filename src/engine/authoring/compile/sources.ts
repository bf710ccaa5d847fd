import type { Path, Places } from './places.ts';
import type { Problem } from '../format/problem.ts';

/** Every `source:` must begin with a file the rules list, so a reviewer can find it. */
export function checkSourcesIn(node: unknown, path: Path, known: string[], places: Places, problems: Problem[]): void {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) checkSourcesIn(item, [...path, i], known, places, problems);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'source' && typeof value === 'string') {
        if (!known.some((file) => value.startsWith(file))) {
          problems.push(places.problem([...path, key], `source must start with one of the source files (${known.join(', ')})`));
        }
      } else checkSourcesIn(value, [...path, key], known, places, problems);
    }
  }
}
