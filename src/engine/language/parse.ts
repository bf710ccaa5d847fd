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

export function parseExpression(text: string): Expr {
  if (text.length > MAX_LENGTH) throw new ExpressionError(`expression longer than ${MAX_LENGTH} characters`, 0);
  const tokens = tokenize(text);
  let position = 0;
  let depth = 0;

  const peek = () => tokens[position];
  const isPunct = (value: string) => {
    const t = peek();
    return t.type === 'punct' && t.value === value;
  };
  const isWord = (value: string) => {
    const t = peek();
    return t.type === 'name' && t.value === value;
  };
  const expectPunct = (value: string) => {
    if (!isPunct(value)) throw new ExpressionError(`expected '${value}' ${describe(peek())}`, peek().at);
    position++;
  };
  const nest = <T>(parse: () => T): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionError('expression nested too deeply', peek().at);
    try {
      return parse();
    } finally {
      depth--;
    }
  };

  const binaryLevel = (ops: string[], next: () => Expr, words = false) => (): Expr => {
    let left = next();
    for (;;) {
      const t = peek();
      const op = words ? (t.type === 'name' ? t.value : '') : t.type === 'punct' ? t.value : '';
      if (!ops.includes(op)) return left;
      position++;
      const right = next();
      left = { kind: 'binary', op: op as BinaryOp, left, right, at: t.at };
    }
  };

  const atom = (): Expr =>
    nest(() => {
      const t = peek();
      if (t.type === 'number') {
        position++;
        return { kind: 'number', value: t.value, at: t.at };
      }
      if (t.type === 'string') {
        position++;
        return { kind: 'string', value: t.value, at: t.at };
      }
      if (t.type === 'punct' && t.value === '(') {
        position++;
        const inner = or();
        expectPunct(')');
        return inner;
      }
      if (t.type === 'name') {
        if (['and', 'or', 'not'].includes(t.value)) throw new ExpressionError(`unexpected '${t.value}'`, t.at);
        position++;
        if (isPunct('(')) {
          position++;
          const args: Expr[] = [];
          if (!isPunct(')')) {
            args.push(or());
            while (isPunct(',')) {
              position++;
              args.push(or());
            }
          }
          expectPunct(')');
          return { kind: 'call', fn: t.value, args, at: t.at };
        }
        if (isPunct('.')) {
          position++;
          const field = peek();
          if (field.type !== 'name') throw new ExpressionError(`expected a name after '${t.value}.'`, field.at);
          position++;
          if (isPunct('.')) throw new ExpressionError('only one level of names is allowed, as in AM.loyalty', peek().at);
          return { kind: 'ref', scope: t.value, name: field.value, at: t.at };
        }
        return { kind: 'ref', scope: null, name: t.value, at: t.at };
      }
      throw new ExpressionError(`expected a value ${describe(t)}`, t.at);
    });

  const unary = (): Expr =>
    nest(() => {
      const t = peek();
      if (t.type === 'punct' && t.value === '-') {
        position++;
        return { kind: 'unary', op: '-', operand: unary(), at: t.at };
      }
      return atom();
    });
  const product = binaryLevel(['*', '/'], unary);
  const sum = binaryLevel(['+', '-'], product);
  const compare = (): Expr => {
    const left = sum();
    const t = peek();
    if (t.type === 'punct' && ['<', '<=', '>', '>=', '==', '!='].includes(t.value)) {
      position++;
      const right = sum();
      if (peek().type === 'punct' && ['<', '<=', '>', '>=', '==', '!='].includes((peek() as { value: string }).value)) {
        throw new ExpressionError('comparisons cannot be chained: use "and"', peek().at);
      }
      return { kind: 'binary', op: t.value as BinaryOp, left, right, at: t.at };
    }
    return left;
  };
  const not = (): Expr =>
    nest(() => {
      const t = peek();
      if (isWord('not')) {
        position++;
        return { kind: 'unary', op: 'not', operand: not(), at: t.at };
      }
      return compare();
    });
  const and = binaryLevel(['and'], not, true);
  const or = binaryLevel(['or'], and, true);

  if (peek().type === 'end') throw new ExpressionError('empty expression', 0);
  const tree = or();
  if (peek().type !== 'end') throw new ExpressionError(`unexpected ${describe(peek())}`, peek().at);
  return tree;
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
