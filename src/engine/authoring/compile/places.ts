import type { z } from '../../core/zod.ts';
import { MEMBER_CODES } from '../../core/world.ts';
import { formatPath, type Problem } from '../format/problem.ts';

export type Path = (string | number)[];

/**
 * Where the compiler's problems point. A YAML file knows the line and column of every path; data
 * made in memory (a sensitivity sweep's variant) knows none, and its problems point at the file's start.
 */
export interface Places {
  problem(path: readonly PropertyKey[], message: string, key?: string): Problem;
  /** The problem pointing `offset` characters into the one-line value at `path`, where that can be told. */
  problemWithin(path: readonly PropertyKey[], message: string, offset: number): Problem;
}

export function unplaced(file: string): Places {
  const problem = (path: readonly PropertyKey[], message: string, key?: string): Problem => ({
    file,
    line: 1,
    col: 1,
    path: formatPath(key === undefined ? path : [...path, key]),
    message,
  });
  return { problem, problemWithin: (path, message) => problem(path, message) };
}

/** The same places, but every problem at the start of its value: how conditions of campaigns and of the standing rules have always been reported. */
export function atValueStart(places: Places): Places {
  return { problem: places.problem, problemWithin: (path, message) => places.problem(path, message) };
}

/** Maps keyed by member code: an unknown key there is a member the game does not have, not a misspelt field. */
const KEYED_BY_MEMBER = new Set<string | number>(['stances', 'backers', 'members']);

function unknownKey(path: Path, key: string): string {
  if (KEYED_BY_MEMBER.has(path[path.length - 1] ?? '')) return `unknown member '${key}' (known: ${MEMBER_CODES.join(', ')})`;
  return `unknown field '${key}'`;
}

export function schemaProblems(places: Places, error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(places.problem(path, unknownKey(path, key), key));
    } else if (issue.code === 'invalid_union' && path[path.length - 1] === 'next') {
      problems.push(places.problem(path, 'must be a development id, "end", or a list of branches with goto'));
    } else {
      problems.push(places.problem(path, issue.message));
    }
  }
  return dedupe(problems);
}

export function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.path}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
