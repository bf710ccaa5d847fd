import { Lexer } from 'yaml';

/**
 * The first anchor (`&name`), alias (`*name`) or merge key (`<<:`) of a YAML text, found by reading its
 * tokens once. A scenario has no use for them, and the YAML parser's work grows with the square of their
 * number, so a file holding many must be refused before it is parsed. The lexer tells quoted strings,
 * comments and block scalars apart, so prose with `&` or `*` in it is left alone.
 */
export interface YamlReference {
  offset: number;
  kind: 'anchor' | 'alias' | 'merge key';
}

/** Tokens the lexer adds to mark structure; they stand for no character of the text. */
const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * An anchor or alias begins a token: after a line's start, a space or a flow indicator, and with a name after
 * it. Text with no such place and no `<<` cannot hold one, and needs no lexing (the `*` of `x * 0.05` and the
 * `&` of prose have a space after or a letter before them). Most files are passed by this alone.
 */
const MAYBE_REFERENCE = /(?:^|[\s[{,])[&*][^\s\]},]|<</m;

export function firstReference(text: string): YamlReference | null {
  if (!MAYBE_REFERENCE.test(text)) return null;
  let offset = 0;
  let previous: { token: string; offset: number } | null = null;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    if (token.startsWith('&')) return { offset, kind: 'anchor' };
    if (token.startsWith('*')) return { offset, kind: 'alias' };
    if (token === ':' && previous?.token === '<<') return { offset: previous.offset, kind: 'merge key' };
    if (token.trim() !== '') previous = { token, offset };
    offset += token.length;
  }
  return null;
}
