import { ExpressionError, type BinaryOp, type Expr } from './ast.ts';

/**
 * Text to syntax tree, by recursive descent. There is deliberately no member access, indexing or
 * assignment: `AM.loyalty` is one qualified name (scope `AM`, name `loyalty`), resolved later against
 * what the scenario declares, never against a JavaScript object.
 *
 *   or      := and ('or' and)*
 *   and     := not ('and' not)*
 *   not     := 'not' not | compare
 *   compare := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)?
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := '-' unary | atom
 *   atom    := number | "string" | name ('.' name)? | name '(' args ')' | '(' or ')'
 */

type Token =
  | { type: 'number'; value: number; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'name'; value: string; at: number }
  | { type: 'punct'; value: string; at: number }
  | { type: 'end'; at: number };

const MAX_LENGTH = 2000;
const MAX_DEPTH = 64;
const PUNCTUATION = ['<=', '>=', '==', '!=', '<', '>', '+', '-', '*', '/', '(', ')', ',', '.'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const number = /^\d+(\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      tokens.push({ type: 'name', value: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new ExpressionError('unterminated string', i);
      tokens.push({ type: 'string', value: text.slice(i + 1, close), at: i });
      i = close + 1;
      continue;
    }
    const punct = PUNCTUATION.find((p) => rest.startsWith(p));
    if (!punct) throw new ExpressionError(`unexpected character '${c}'`, i);
    tokens.push({ type: 'punct', value: punct, at: i });
    i += punct.length;
  }
  tokens.push({ type: 'end', at: text.length });
  return tokens;
}

/**
 * Trees already parsed, by their text. A tree is only read once made, and the same text always parses
 * the same way, so a sensitivity sweep that compiles hundreds of variants of one scenario parses each
 * expression once. Bounded: emptied when full.
 */
const parsed = new Map<string, Expr>();
const MAX_PARSED = 20_000;

export function parseExpression(text: string): Expr {
  let tree = parsed.get(text);
  if (tree === undefined) {
    tree = parseFresh(text);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(text, tree);
  }
  return tree;
}

function parseFresh(text: string): Expr {
  if (text.length > MAX_LENGTH) throw new ExpressionError(`expression longer than ${MAX_LENGTH} characters`, 0);
  const parser = new Parser(tokenize(text), text.length);
  if (parser.peek().type === 'end') throw new ExpressionError('empty expression', 0);
  const tree = parser.or();
  const rest = parser.peek();
  if (rest.type !== 'end') throw new ExpressionError(`unexpected ${describe(rest)}`, rest.at);
  return tree;
}

const COMPARISONS: readonly BinaryOp[] = ['<', '<=', '>', '>=', '==', '!='];

/** One method per rule of the grammar above, reading the tokens left to right. */
class Parser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  /** The current token; past the last one, the end (tokenize always ends with it). */
  peek(): Token {
    return this.tokens[this.position] ?? { type: 'end', at: this.length };
  }

  or = (): Expr => this.binaryLevel(['or'], this.and, true);
  private and = (): Expr => this.binaryLevel(['and'], this.not, true);
  private product = (): Expr => this.binaryLevel(['*', '/'], this.unary);
  private sum = (): Expr => this.binaryLevel(['+', '-'], this.product);

  private not = (): Expr =>
    this.nest(() => {
      const t = this.peek();
      if (t.type === 'name' && t.value === 'not') {
        this.position++;
        return { kind: 'unary', op: 'not', operand: this.not(), at: t.at };
      }
      return this.compare();
    });

  private compare(): Expr {
    const left = this.sum();
    const t = this.peek();
    const op = t.type === 'punct' ? COMPARISONS.find((c) => c === t.value) : undefined;
    if (!op) return left;
    this.position++;
    const right = this.sum();
    const next = this.peek();
    if (next.type === 'punct' && COMPARISONS.some((c) => c === next.value)) throw new ExpressionError('comparisons cannot be chained: use "and"', next.at);
    return { kind: 'binary', op, left, right, at: t.at };
  }

  private unary = (): Expr =>
    this.nest(() => {
      const t = this.peek();
      if (t.type === 'punct' && t.value === '-') {
        this.position++;
        return { kind: 'unary', op: '-', operand: this.unary(), at: t.at };
      }
      return this.atom();
    });

  private atom = (): Expr =>
    this.nest(() => {
      const t = this.peek();
      if (t.type === 'number') {
        this.position++;
        return { kind: 'number', value: t.value, at: t.at };
      }
      if (t.type === 'string') {
        this.position++;
        return { kind: 'string', value: t.value, at: t.at };
      }
      if (t.type === 'punct' && t.value === '(') {
        this.position++;
        const inner = this.or();
        this.expectPunct(')');
        return inner;
      }
      if (t.type === 'name') return this.named(t.value, t.at);
      throw new ExpressionError(`expected a value ${describe(t)}`, t.at);
    });

  /** A name: a function call, a qualified name (`AM.loyalty`) or a plain one. */
  private named(name: string, at: number): Expr {
    if (['and', 'or', 'not'].includes(name)) throw new ExpressionError(`unexpected '${name}'`, at);
    this.position++;
    if (this.isPunct('(')) return { kind: 'call', fn: name, args: this.args(), at };
    if (!this.isPunct('.')) return { kind: 'ref', scope: null, name, at };
    this.position++;
    const field = this.peek();
    if (field.type !== 'name') throw new ExpressionError(`expected a name after '${name}.'`, field.at);
    this.position++;
    if (this.isPunct('.')) throw new ExpressionError('only one level of names is allowed, as in AM.loyalty', this.peek().at);
    return { kind: 'ref', scope: name, name: field.value, at };
  }

  private args(): Expr[] {
    this.position++;
    const args: Expr[] = [];
    if (!this.isPunct(')')) {
      args.push(this.or());
      while (this.isPunct(',')) {
        this.position++;
        args.push(this.or());
      }
    }
    this.expectPunct(')');
    return args;
  }

  private binaryLevel(ops: readonly BinaryOp[], next: () => Expr, words = false): Expr {
    let left = next();
    for (;;) {
      const t = this.peek();
      const written = words ? (t.type === 'name' ? t.value : '') : t.type === 'punct' ? t.value : '';
      const op = ops.find((o) => o === written);
      if (!op) return left;
      this.position++;
      const right = next();
      left = { kind: 'binary', op, left, right, at: t.at };
    }
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.value === value;
  }

  private expectPunct(value: string): void {
    const t = this.peek();
    if (!this.isPunct(value)) throw new ExpressionError(`expected '${value}' ${describe(t)}`, t.at);
    this.position++;
  }

  private nest<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new ExpressionError('expression nested too deeply', this.peek().at);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }
}

function describe(t: Token): string {
  switch (t.type) {
    case 'end':
      return 'at the end';
    case 'number':
      return `number ${t.value}`;
    case 'string':
      return `string "${t.value}"`;
    default:
      return `'${t.value}'`;
  }
}
