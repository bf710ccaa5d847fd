/** One thing wrong with a file, pointing at where it is. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** Dotted path to the field by position, e.g. `developments[2].options[0].next`: for tools. */
  path: string;
  /**
   * The same path for people, naming elements by their ids where they have them
   * (`developments[the_call].options[send_troops].next`); absent where the file's data is not at hand.
   */
  named?: string;
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
  return `${p.file}:${p.line}:${p.col}: ${p.named || p.path || '(file)'}: ${p.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/**
 * A path for people, read against the file's data: an element of a list that has an id of its own,
 * unique in that list, is named by it (`developments[the_call].options[send_troops].next`), so the path
 * survives reordering and says which one; an element without one is named by its position (`quotes[0]`).
 */
export function formatNamedPath(data: unknown, path: readonly PropertyKey[]): string {
  let node = data;
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') {
      const list: unknown[] = Array.isArray(node) ? node : [];
      const item = list[part];
      const id = idOf(item);
      out += `[${id !== null && list.filter((other) => idOf(other) === id).length === 1 ? id : part}]`;
      node = item;
    } else {
      out += out ? `.${String(part)}` : String(part);
      node = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[String(part)] : undefined;
    }
  }
  return out;
}

function idOf(item: unknown): string | null {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
  const id = (item as Record<string, unknown>).id;
  return typeof id === 'string' && /^[a-z][a-z0-9_]*$/.test(id) ? id : null;
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
