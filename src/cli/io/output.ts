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
