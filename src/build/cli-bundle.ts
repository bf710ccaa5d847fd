import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, UserConfig } from 'vite';

/** Where `npm run cli` runs the command line from: one file for plain `node`, no TypeScript loader. */
export const CLI_BUNDLE = 'dist/cli/main.js';

/** Left outside the bundle, loaded from node_modules only when a chart is drawn. */
const LOADED_ON_DEMAND = ['jsdom', '@observablehq/plot'];

/**
 * Each build writes to a folder of its own and then renames its one file over the bundle: a command
 * started meanwhile, or a second build at once (two test projects each making sure of it), never
 * sees half a file.
 */
function replaceAtOnce(root: string, stagingDir: string): Plugin {
  return {
    name: 'article-four-cli-replace',
    apply: 'build',
    closeBundle() {
      mkdirSync(join(root, 'dist/cli'), { recursive: true });
      renameSync(join(stagingDir, 'main.js'), join(root, CLI_BUNDLE));
      rmSync(stagingDir, { recursive: true, force: true });
    },
  };
}

/** The command line bundled for Node (`vite build --mode cli`): every dependency in, but the chart libraries. */
export function cliBundleConfig(root: string): UserConfig {
  const stagingDir = join(root, `dist/cli/.build-${process.pid}-${Date.now()}`);
  return { ...nodeBundleConfig(root, 'src/cli/main.ts', stagingDir, 'main.js'), plugins: [replaceAtOnce(root, stagingDir)] };
}

/**
 * One file for plain `node`, from `entry` into `outDir`: every dependency in but the chart libraries,
 * not minified, and without the function-name wrapping a TypeScript loader such as tsx adds (which
 * costs the engine's hot loops about a tenth). The command line is built this way, and so is the
 * engine's bench (tests/bench/engine.ts), so that it measures the code the command line runs.
 */
export function nodeBundleConfig(root: string, entry: string, outDir: string, fileName: string): UserConfig {
  return {
    root,
    logLevel: 'warn',
    ssr: { noExternal: true, external: LOADED_ON_DEMAND, target: 'node' },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      copyPublicDir: false,
      rolldownOptions: {
        external: LOADED_ON_DEMAND,
        // One file, so that it can replace the last bundle in a single rename; the commands' code is still evaluated only when used.
        output: { entryFileNames: fileName, codeSplitting: false },
      },
    },
  };
}
