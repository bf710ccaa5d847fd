/** Data to stdout, messages to stderr (clig.dev), and the exit codes every command uses. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

export interface Output {
  data(line: string): void;
  message(line: string): void;
}

export const processOutput: Output = {
  data: (line) => process.stdout.write(`${line}\n`),
  message: (line) => process.stderr.write(`${line}\n`),
};

/** Colour only for a terminal that has not asked for none. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env);
}

/**
 * A reader that stops early (`... | head -1`) closes the pipe: the rest of the output is not wanted,
 * which is no failure, so the command ends quietly instead of with Node's EPIPE stack trace.
 */
export function endQuietlyWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(EXIT.ok);
  });
}
