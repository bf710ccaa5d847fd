/**
 * Why the class server could not start, as a sentence saying what to do, for the problems a teacher can
 * cause and fix from the command line: a port already taken, a data file that is not one, a site not built.
 * Anything else is said as it came.
 */
export function whyNotStarted(error: unknown, options: { port: number; host: string; data: string }): { sentence: string; badInput: boolean } {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'EADDRINUSE') {
    return {
      sentence: `port ${options.port} on ${options.host} is already in use (another class server?): stop it, or choose another port with --port.`,
      badInput: true,
    };
  }
  if (code === 'EADDRNOTAVAIL') return { sentence: `${options.host} is not an address of this computer: give one of its own with --host.`, badInput: true };
  if (code === 'EACCES') return { sentence: `this user may not listen on port ${options.port}: choose a port above 1023 with --port.`, badInput: true };
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return { sentence: `${options.data} is not a class server's data file (${message}): it is left as it was; give another file with --data.`, badInput: true };
  }
  if (code === 'SQLITE_CANTOPEN')
    return { sentence: `${options.data} cannot be opened: check the folder exists and may be written, or give another file with --data.`, badInput: true };
  if (/written by a newer version of the server/.test(message)) return { sentence: `${options.data}: ${message}`, badInput: true };
  return { sentence: message, badInput: false };
}
