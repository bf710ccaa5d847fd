import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/node/scenario-folder.ts';

export interface ClassServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** The server's own process (its memory and CPU are read from /proc by the load run). */
  pid: number;
  dataFile: string;
  /** Everything the server printed so far. */
  output: () => string;
  /** SIGTERM, then waits for it to close its database and exit. */
  stop: () => Promise<void>;
  /** SIGKILL, as a crash or a pulled plug would: nothing is closed. */
  kill: () => Promise<void>;
}

/**
 * Starts the real class server in a process of its own, as `npm run class` runs it (src/server/main.ts through
 * tsx), on 127.0.0.1 and a free port, and waits for its `listening on` line. Without `data`, a new data file
 * under TMPDIR; give the same `data` to a second server to resume the first's classes. Without `site`, a
 * two-file stand-in for the built game (an index.html and an asset), enough for the server's own tests.
 */
export async function startClassServer(options: { site?: string; data?: string; port?: number } = {}): Promise<ClassServer> {
  const dataFile = options.data ?? join(mkdtempSync(join(tmpdir(), 'class-data-')), 'classes.sqlite');
  const site = options.site ?? standInSite();
  const args = ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', String(options.port ?? 0), '--data', dataFile, '--site', site];
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const look = () => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => reject(new Error(`the class server exited (${code}) before listening:\n${output}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url: `http://127.0.0.1:${port}`, port, pid: child.pid ?? 0, dataFile, output: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

function standInSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'class-site-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><title>Article Four</title><script type="module" src="./assets/index.js"></script></html>\n',
  );
  writeFileSync(join(dir, 'assets/index.js'), 'export const game = "Article Four";\n');
  return dir;
}
