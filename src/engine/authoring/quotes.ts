import type { Problem } from './format/problem.ts';
import type { TextFile } from './load.ts';
import { readYaml, type YamlSource } from './yaml-document.ts';

/** The source texts by file name (`003_5a98e20ee2fbc50d.txt`), as read from the sources folder. */
export type SourceTexts = ReadonlyMap<string, string>;

/**
 * Where a quoted fragment must be found: in a `source:` string, the fragments between single quotes after
 * the file's name; in a development's `quotes`, the whole text, in the file its `source` names.
 */
interface QuotedFragment {
  path: (string | number)[];
  file: string;
  quote: string;
  /** Characters into the value at `path` where the fragment starts, so a problem points at it. */
  offset: number;
}

/**
 * Every quoted fragment of a scenario, campaign or rules file that is not in the source it cites. Only
 * whitespace, quotation marks, apostrophes, dashes and letter case (a source's headings are in capitals)
 * are made alike before comparing: a changed word is a miss.
 */
export function quoteProblems(file: TextFile, sources: SourceTexts): Problem[] {
  const read = readYaml(file.text, file.file);
  if (!read.ok) return []; // Unreadable YAML is reported by validation itself.
  const normalised = new Map([...sources].map(([name, text]) => [name, normaliseQuote(text)]));
  const problems: Problem[] = [];
  for (const fragment of quotedFragments(read.value.data, [])) {
    const problem = checkFragment(fragment, normalised, read.value);
    if (problem) problems.push(problem);
  }
  return problems;
}

function checkFragment(fragment: QuotedFragment, sources: SourceTexts, yaml: YamlSource): Problem | null {
  const text = sources.get(fragment.file);
  if (text === undefined) {
    return yaml.problemWithin(fragment.path, `no source file ${fragment.file} in the sources folder`, fragment.offset);
  }
  if (appearsIn(text, fragment.quote)) return null;
  return yaml.problemWithin(fragment.path, `quote not found in ${fragment.file}: "${fragment.quote}"`, fragment.offset);
}

/** An elided quote ('less specific ... full of slogans') is found when its pieces appear in order. */
function appearsIn(normalisedSource: string, quote: string): boolean {
  let from = 0;
  for (const piece of quote.split(/\s*(?:\.\.\.|…)\s*/)) {
    const wanted = normaliseQuote(piece);
    if (!wanted) continue;
    const at = normalisedSource.indexOf(wanted, from);
    if (at < 0) return false;
    from = at + wanted.length;
  }
  return true;
}

/** Typography only: runs of whitespace, curly and straight quotes, apostrophes, hyphens and dashes, and case. */
export function normaliseQuote(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function* quotedFragments(node: unknown, path: (string | number)[]): Generator<QuotedFragment> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* quotedFragments(item, [...path, i]);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (path[path.length - 2] === 'quotes' && typeof record.text === 'string' && typeof record.source === 'string') {
    yield { path: [...path, 'text'], file: record.source.trim(), quote: record.text, offset: 0 };
    return;
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === 'source' && typeof value === 'string') yield* sourceFragments(value, [...path, key]);
    else yield* quotedFragments(value, [...path, key]);
  }
}

/**
 * `FILE: 'quote' (who)`, or several such parts (`FILE: 'a'; OTHER: 'b'`): each fragment between single
 * quotes belongs to the file named last before it. Without a file name ending in .txt, the text before
 * the first colon is taken as the file, so a misspelt one is reported as missing.
 */
function* sourceFragments(value: string, path: (string | number)[]): Generator<QuotedFragment> {
  const named = [...value.matchAll(/([\w.-]+\.txt)\s*:/g)].map((m) => ({ file: m[1] ?? '', from: m.index + m[0].length }));
  if (named.length === 0) {
    const colon = value.indexOf(':');
    if (colon < 0) return;
    named.push({ file: value.slice(0, colon).trim(), from: colon + 1 });
  }
  // A quote opens at a ' not preceded by a letter and closes at one not followed by a letter, so an
  // apostrophe inside a word (Armenia's) stays part of the quote.
  const fragment = /(?<![\p{L}\p{N}])'(.+?)'(?![\p{L}\p{N}])/gu;
  for (const [i, part] of named.entries()) {
    const to = named[i + 1]?.from ?? value.length;
    // The next file's name is not part of this one's text.
    const end = i + 1 < named.length ? value.lastIndexOf(named[i + 1]?.file ?? '', to) : to;
    for (const match of value.slice(part.from, end).matchAll(fragment)) {
      yield { path, file: part.file, quote: match[1] ?? '', offset: part.from + match.index + 1 };
    }
  }
}
