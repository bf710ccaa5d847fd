import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/node/scenario-folder.ts';

/** The class server as the load run sees it: where it listens, its process (for its memory), its database file. */
export interface LoadServer {
  url: string;
  pid: number;
  dataFile: string;
  /** Settles only if the server exits before it is stopped, saying how and its last words. */
  died: Promise<string>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

/**
 * The real class server (src/server/main.ts, as `npm run class` runs it, through tsx) in a process of its
 * own, on loopback, on a free port, with a fresh database in a folder of its own under TMPDIR. The page is
 * not served (an empty site folder): the load run speaks only the live class's messages.
 */
export async function startLoadServer(): Promise<LoadServer> {
  const folder = mkdtempSync(join(tmpdir(), 'class-load-'));
  const dataFile = join(folder, 'classes.sqlite');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'src/server/main.ts'), '--host', '127.0.0.1', '--port', '0', '--data', dataFile, '--site', folder],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await listening(child);
  // What it says on stderr from now on, the last of it: why it died, if it does.
  let said = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    said = (said + chunk.toString('utf8')).slice(-2000);
  });
  let stopping = false;
  const died = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      if (!stopping) resolve(`the class server exited (${code ?? signal}) in the middle of the run${said ? `:\n${said.trim()}` : ''}`);
    });
  });
  return {
    url,
    pid: child.pid ?? 0,
    dataFile,
    died,
    stop: () => {
      stopping = true;
      return stopped(child);
    },
  };
}

/** The address the server prints once it listens, or why it never did. */
function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the class server did not start within ${START_TIMEOUT_MS / 1000} s:\n${said}`));
    }, START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      said += chunk.toString('utf8');
      const address = /listening on (http:\/\/\S+)/.exec(said)?.[1];
      if (!address) return;
      clearTimeout(timer);
      child.stdout?.off('data', read);
      // What the server says from here on is not the load run's business, but its pipes must not fill.
      child.stdout?.resume();
      resolve(address);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => {
      said += chunk.toString('utf8');
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the class server exited (${code ?? signal}) before it listened:\n${said}`));
    });
  });
}

/** Asks the server to close its database and stop; kills it if it has not within a few seconds. */
function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
