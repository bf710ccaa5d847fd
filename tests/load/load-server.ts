import { readFileSync } from 'node:fs';
import { type ClassServer, startClassServer } from '../support/class-server.ts';

/** The class server as the load run sees it: the tests' own server, and word if it dies before it is stopped. */
export interface LoadServer extends ClassServer {
  /** Settles only if the server's process ends before `stop`, saying so with its last words. */
  died: Promise<string>;
}

/**
 * The real class server in a process of its own on loopback, a free port and a fresh database under TMPDIR
 * (`startClassServer`, as the server's tests start it), watched: the load run stops at once if it dies.
 */
export async function startLoadServer(): Promise<LoadServer> {
  const server = await startClassServer();
  let stopping = false;
  const died = new Promise<string>((resolve) => {
    const watch = setInterval(() => {
      if (stopping) clearInterval(watch);
      else if (!alive(server.pid)) {
        clearInterval(watch);
        const lastWords = server.output().trim().split('\n').slice(-4).join('\n');
        resolve(`the class server's process ended in the middle of the run${lastWords ? `; it last said:\n${lastWords}` : ''}`);
      }
    }, 200);
    watch.unref();
  });
  return {
    ...server,
    died,
    stop: () => {
      stopping = true;
      return server.stop();
    },
  };
}

/** Whether a process is running: it has an entry in /proc that is not a zombie's. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
