/** One thing wrong with a file, pointing at where it is. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** Dotted path to the field, e.g. `developments[2].options[0].next`. */
  path: string;
  message: string;
}

/** A problem about the whole file, pointing at its start: it could not be read, or loading it failed. */
export function fileProblem(file: string, message: string): Problem {
  return { file, line: 1, col: 1, path: '', message };
}

/** What a caught error says: its message when it is an Error, itself written out otherwise. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.path || '(file)'}: ${p.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
