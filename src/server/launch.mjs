#!/usr/bin/env node
// `npm run class`: the teacher's server for a live class. Plain JavaScript, since it runs before anything is
// built. Builds the game into dist/ first when it is missing or anything it is made from is newer (not with
// --site, which serves a folder as it is), then runs the server (src/server/main.ts) through tsx, the
// TypeScript loader the project already uses: its native module (better-sqlite3) cannot go into a bundle.
import { spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastChange } from '../node/last-change.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const site = join(root, 'dist/index.html');
const madeFrom = ['src', 'scenarios', 'assets', 'public', 'index.html', 'package.json', 'package-lock.json', 'vite.config.ts'];
// The server's and the command line's code is not part of the page.
const notThePage = new Set([join(root, 'src/server'), join(root, 'src/cli')]);

const ownSite = args.some((arg) => arg === '--site' || arg.startsWith('--site='));
const wantsHelp = args.includes('--help') || args.includes('-h');
const built = statSync(site, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (!ownSite && !wantsHelp && madeFrom.some((path) => lastChange(join(root, path), notThePage) > built)) {
  process.stderr.write('building the game (vite build)...\n');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0) {
    process.stderr.write(`the game could not be built (vite build exited with ${build.status ?? build.signal})\n`);
    process.exit(1);
  }
}

const siteArgs = ownSite ? [] : ['--site', join(root, 'dist')];
const server = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'src/server/main.ts'), ...siteArgs, ...args], { stdio: 'inherit' });
// SIGINT and SIGTERM are passed on (Ctrl-C in a terminal reaches both; the server closes once): the launcher
// waits for the server to close its database, and exits as it did.
process.on('SIGINT', () => server.kill('SIGINT'));
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
