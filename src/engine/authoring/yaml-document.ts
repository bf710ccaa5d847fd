import { isAlias, isCollection, isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { fail, ok, type Result } from '../core/result.ts';
import { errorMessage, fileProblem, formatNamedPath, formatPath, type Problem } from './format/problem.ts';
import { firstReference, type YamlReference } from './yaml-references.ts';
import { syntaxAdvice } from './yaml-syntax-advice.ts';

/**
 * A YAML file read into plain data, keeping enough of the syntax tree to say on which line and column
 * any path of that data was written. Anchors, aliases and merge keys are refused before parsing: a scenario
 * has no use for them, they are how a small file becomes a huge one, and the parser is slow on many.
 */
export interface YamlSource {
  file: string;
  data: unknown;
  locate(path: readonly PropertyKey[], key?: string): { line: number; col: number };
  /** The position `offset` characters into a one-line scalar value at `path` (its start otherwise). */
  locateWithin(path: readonly PropertyKey[], offset: number): { line: number; col: number };
  problem(path: readonly PropertyKey[], message: string, key?: string): Problem;
  /** The problem pointing `offset` characters into the one-line value at `path` (at its start otherwise). */
  problemWithin(path: readonly PropertyKey[], message: string, offset: number): Problem;
}

/** The largest scenario file read; the command line checks a file's size against it before reading. */
export const MAX_BYTES = 2_000_000;

type Position = { line: number; col: number };
type At = (offset: number) => Position;

export function readYaml(text: string, file: string): Result<YamlSource, Problem[]> {
  if (text.length > MAX_BYTES) {
    return fail([fileProblem(file, `file is larger than ${MAX_BYTES} characters`)]);
  }
  const reference = firstReference(text);
  if (reference) return fail([referenceProblem(text, file, reference)]);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    return fail([fileProblem(file, `not readable as YAML: ${errorMessage(error)}`)]);
  }
  const at: At = (offset) => {
    const pos = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: pos.line, col: pos.col };
  };
  const problems = syntaxProblems(doc, file, at);
  if (problems.length) return fail(problems);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return fail([fileProblem(file, firstLine(errorMessage(error)))]);
  }
  return ok(sourceOf(doc, text, file, data, at));
}

const REFUSED: Record<YamlReference['kind'], string> = {
  anchor: 'anchors (&name) are not allowed in scenario files: write the value out where it is used',
  alias: 'aliases (*name) are not allowed in scenario files: write the value out',
  'merge key': 'merge keys (<<) are not allowed in scenario files: write the fields out',
};

function referenceProblem(text: string, file: string, reference: YamlReference): Problem {
  const before = text.slice(0, reference.offset);
  const line = before.split('\n').length;
  const col = reference.offset - before.lastIndexOf('\n');
  return { file, line, col, path: '', message: REFUSED[reference.kind] };
}

/** What the YAML parser found wrong, and what YAML allows but a scenario file does not: keys that are not names. */
function syntaxProblems(doc: Document, file: string, at: At): Problem[] {
  // Only the first: after one syntax error the parser's reading of the rest is a guess, and its other
  // errors (two dozen after a single tab) are echoes of it.
  const first = [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first) {
    const { line, col } = at(first.pos[0]);
    return [{ file, line, col, path: '', message: syntaxAdvice(first, firstLine(first.message)) }];
  }
  const problems: Problem[] = [];
  visit(doc, {
    Pair(_, pair) {
      // `? [a, b]: c` is valid YAML but names nothing in a scenario; refuse it here, with its place.
      if (pair.key !== null && !isScalar(pair.key)) {
        const { line, col } = at((isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? 0);
        problems.push({ file, line, col, path: '', message: 'keys must be plain names, not lists or maps' });
      }
    },
  });
  return problems;
}

function sourceOf(doc: Document, text: string, file: string, data: unknown, at: At): YamlSource {
  const locate = (path: readonly PropertyKey[], key?: string) => at(offsetOf(doc, key === undefined ? path : [...path, key], key));
  const locateWithin = (path: readonly PropertyKey[], offset: number) => {
    const within = offsetWithin(doc, text, path, offset);
    return within === null ? locate(path) : at(within);
  };
  return {
    file,
    data,
    locate,
    locateWithin,
    problem(path, message, key) {
      const at = key === undefined ? path : [...path, key];
      return { file, ...locate(path, key), path: formatPath(at), named: formatNamedPath(data, at), message };
    },
    problemWithin(path, message, offset) {
      return { file, ...locateWithin(path, offset), path: formatPath(path), named: formatNamedPath(data, path), message };
    },
  };
}

/** Where `parts` was written: walks down as far as the path exists and points at the deepest node found (at the key itself when `key` is the last part). */
function offsetOf(doc: Document, parts: readonly PropertyKey[], key: string | undefined): number {
  let node: unknown = doc.contents;
  let offset = doc.contents?.range?.[0] ?? 0;
  for (const part of parts) {
    if (!isCollection(node)) break;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      if (part === key) {
        offset = rangeStart(pair.key) ?? offset;
        break;
      }
      next = pair.value ?? pair.key;
      if (!pair.value) offset = rangeStart(pair.key) ?? offset;
    } else {
      next = node.items[Number(part)];
    }
    if (next === undefined || next === null || isAlias(next)) break;
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

/** The offset `offset` characters into the one-line scalar at `path`; null where that cannot be told. */
function offsetWithin(doc: Document, text: string, path: readonly PropertyKey[], offset: number): number | null {
  const node: unknown = doc.getIn(path, true);
  if (!isScalar(node) || typeof node.source !== 'string' || !node.range) return null;
  const raw = text.slice(node.range[0], node.range[1]);
  if (raw.includes('\n')) return null;
  // Quoted values start one character before their content.
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (quoted && /\\|''/.test(raw)) return null;
  return node.range[0] + (quoted ? 1 : 0) + offset;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
