// Plain JavaScript: the launchers that read it (src/cli/launch.mjs, src/server/launch.mjs) run before
// anything is built, to decide whether to build.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The latest change under a path, in milliseconds: a folder's own time counts, since deleting a file changes
 * only that. Paths in `skipped` count for nothing (code that is not part of what is being built).
 */
export function lastChange(path, skipped = new Set()) {
  if (skipped.has(path)) return 0;
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, lastChange(join(path, name), skipped));
  return latest;
}
