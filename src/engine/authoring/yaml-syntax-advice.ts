import type { YAMLError } from 'yaml';

/**
 * The YAML parser's errors in the words of what to do about them. Its own messages name the grammar
 * ("compact mappings", "implicit keys"); an author needs to know which character to change.
 */
const ADVICE: Partial<Record<YAMLError['code'], string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'a colon followed by a space inside a value starts a new key: put the whole value in quotes ("like: this")',
  TAB_AS_INDENT: 'tabs are not allowed for indentation: indent with spaces',
  DUPLICATE_KEY: 'this key is written twice in the same map: keep one',
  BAD_INDENT: 'the indentation is off: the items of one list or map must start at the same column, and a closing bracket needs its opening one',
  MULTILINE_IMPLICIT_KEY: 'a key must be written on one line and followed by a colon; a line of text inside a value may need quotes',
  MISSING_CHAR: 'something is not closed: a quote, a bracket or a brace needs its closing one, and a key needs a colon after it',
  UNEXPECTED_TOKEN: 'this character cannot start or continue a value here: put the value in quotes if it is text',
  BAD_SCALAR_START: 'a value cannot start with this character: put the value in quotes',
  MULTIPLE_DOCS: 'a scenario file holds one document: remove the line with ---',
};

export function syntaxAdvice(error: YAMLError, parserWords: string): string {
  const advice = ADVICE[error.code];
  return advice ? `${advice} (the YAML reader says: ${parserWords})` : parserWords;
}
