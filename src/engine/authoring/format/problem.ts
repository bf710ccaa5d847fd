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

/** How many problems are shown for one file: past that, the rest are most often echoes of the first. */
export const MAX_PROBLEMS_PER_FILE = 50;

/** The first problems of each file, and for a file with more, one more saying how many were left out. */
export function capProblems(problems: readonly Problem[]): Problem[] {
  const shown: Problem[] = [];
  const counts = new Map<string, number>();
  for (const p of problems) {
    const count = (counts.get(p.file) ?? 0) + 1;
    counts.set(p.file, count);
    if (count <= MAX_PROBLEMS_PER_FILE) shown.push(p);
  }
  for (const [file, count] of counts) {
    if (count > MAX_PROBLEMS_PER_FILE) shown.push(fileProblem(file, `and ${count - MAX_PROBLEMS_PER_FILE} more`));
  }
  return shown;
}
