#!/usr/bin/env node
// `npm run cli`: runs the command line from its bundle with plain Node, which starts faster than
// compiling the TypeScript on every call. Plain JavaScript, since it runs before anything is built.
// The bundle is rebuilt first when it is missing or anything it is made from is newer than it.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lastChange } from '../node/last-change.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// The same path as CLI_BUNDLE in src/build/cli-bundle.ts, which this file cannot import.
const bundle = join(root, 'dist/cli/main.js');
const madeFrom = ['src', 'scenarios/schema', 'package.json', 'package-lock.json', 'vite.config.ts'];

const built = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (madeFrom.some((path) => lastChange(join(root, path)) > built)) {
  if (process.stderr.isTTY) process.stderr.write('building the command line...\n');
  // Vite's own output goes to stderr: stdout carries only the command's data.
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'cli'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) {
    process.stderr.write(`the command line could not be built (vite build --mode cli exited with ${build.status ?? build.signal})\n`);
    process.exit(1);
  }
}

await import(pathToFileURL(bundle).href);
