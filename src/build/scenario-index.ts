import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { libraryIndex, type ScenarioIndexEntry } from '../engine/authoring/library-index.ts';
import { RULES_FILE, SCENARIOS_FOLDER, yamlFilesIn } from '../node/scenario-folder.ts';

export const SCENARIO_INDEX_ID = 'virtual:article-four/scenario-index';
const RESOLVED = `\0${SCENARIO_INDEX_ID}`;

/** Every scenario and campaign in `dirs`, checked with the engine's own loader: what the Choose screen lists. */
export function scenarioIndex(root: string, dirs: string[]): ScenarioIndexEntry[] {
  return libraryIndex(
    dirs.flatMap((dir) => yamlFilesIn(dir, root)),
    RULES_FILE,
  );
}

/**
 * The scenario index as a module, computed when the site is built (and on every change in development),
 * so the first screen lists every scenario, and says what is wrong with a broken one, without parsing any.
 * With `brokenFailsBuild`, building the site with a broken scenario of the library fails with its problems
 * instead: a player would only find it greyed out. The browser tests' build keeps its broken fixture.
 */
export function scenarioIndexPlugin(dirs: string[], options: { brokenFailsBuild: boolean }): Plugin {
  let root = process.cwd();
  let building = false;
  return {
    name: 'article-four-scenario-index',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    resolveId: (id) => (id === SCENARIO_INDEX_ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const index = scenarioIndex(root, dirs);
      const broken = index.filter((entry) => !entry.ok && entry.file.startsWith(`${SCENARIOS_FOLDER}/`));
      if (building && options.brokenFailsBuild && broken.length) {
        this.error(`scenarios that cannot be played:\n${broken.flatMap((entry) => entry.problems).join('\n')}`);
      }
      for (const entry of index) {
        for (const file of entry.ok ? entry.needs : []) this.addWatchFile(join(root, file));
        // Authors see what is wrong with their files at every build; the tests' deliberately broken fixture is not news.
        if (broken.includes(entry))
          this.warn(`${entry.file} cannot be played: ${entry.problems[0]}${entry.problems.length > 1 ? ` (and ${entry.problems.length - 1} more)` : ''}`);
      }
      return `export const scenarioIndex = ${JSON.stringify(index)};\n`;
    },
    configureServer(server) {
      const watched = dirs.map((d) => join(root, d));
      const refresh = (path: string) => {
        if (!path.endsWith('.yaml') || !watched.some((d) => !relative(d, path).startsWith('..'))) return;
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.add(watched);
      server.watcher.on('add', refresh);
      server.watcher.on('change', refresh);
      server.watcher.on('unlink', refresh);
    },
  };
}
